package dev.cskit.kpi.clv;

final class Placeholder {
}
