package dev.cskit.core.imports;

import java.util.Locale;

/**
 * The records an import makes, and the fields a mapping may fill for each. Required fields are
 * marked; an instant field accepts the mapping's date-time format or a derived rule.
 *
 * <pre>
 * customer      id*, name*, plan, segment, customerSince (instant), stage (LifecycleStage),
 *               attributes
 * subscription  id*, customerId*, plan*, unitPrice* (money), start* (instant), seats (integer),
 *               interval ("MONTH", "YEAR", "2 YEAR", "WEEK", "QUARTER"), discount (money),
 *               end (instant), cancellationReason
 * event         id*, type*, customerId*, occurredAt* (instant), attributes
 * survey        id*, customerId*, kind* (NPS, CSAT, CES), score* (whole number on the kind's
 *               scale), answeredAt* (instant), comment
 * </pre>
 */
public enum RecordKind {
    /** A {@link dev.cskit.core.Customer}. */
    CUSTOMER,
    /** A {@link dev.cskit.core.Subscription} term. */
    SUBSCRIPTION,
    /** A {@link dev.cskit.core.CustomerEvent}. */
    EVENT,
    /** A {@link dev.cskit.core.SurveyResponse}. */
    SURVEY;

    /** @return the key of this kind in a mapping file: {@code customer}, {@code event}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
