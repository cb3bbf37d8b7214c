package dev.cskit.examples.http;

import com.fasterxml.jackson.databind.JsonNode;

/** A status and a JSON body. */
record Response(int status, JsonNode body) {
}
