package dev.cskit.kpi;

import dev.cskit.core.CsKitException;

/**
 * Thrown when the value of a KPI that is not defined for its input is asked for, such as a
 * churn rate of a period that started with no customers. Check {@link Ratio#isDefined()} or
 * {@link KpiValue#isDefined()} first; the message carries the reason.
 */
public final class UndefinedKpiException extends CsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param reason why the value is not defined
     */
    public UndefinedKpiException(String reason) {
        super("the value is not defined: " + reason);
    }
}
