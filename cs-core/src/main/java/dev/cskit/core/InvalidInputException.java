package dev.cskit.core;

public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String m) { super(m); }
}
