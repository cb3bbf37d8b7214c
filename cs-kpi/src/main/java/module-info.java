/**
 * Pure KPI functions over immutable inputs: retention, revenue, value, satisfaction, cohorts,
 * process, health and predictive customer lifetime value.
 */
module dev.cskit.kpi {
    requires static org.immutables.value;
    requires transitive dev.cskit.core;
    requires commons.math3;

    exports dev.cskit.kpi;
    exports dev.cskit.kpi.clv;
}
