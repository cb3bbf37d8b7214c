package dev.cskit.core;

import java.math.BigDecimal;

/**
 * The three satisfaction surveys and their answer scales. Answers are whole numbers on the
 * scale; anything else is refused with a message naming the value and the scale.
 */
public enum SurveyKind {
    /** Net Promoter Score: "how likely are you to recommend us", 0 to 10. */
    NPS(0, 10),
    /** Customer Satisfaction: "how satisfied are you", 1 to 5. */
    CSAT(1, 5),
    /** Customer Effort Score: "it was easy to ...", 1 (strongly disagree) to 7 (agree). */
    CES(1, 7);

    private final int min;
    private final int max;

    SurveyKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    /** @return the lowest answer on the scale */
    public int min() {
        return min;
    }

    /** @return the highest answer on the scale */
    public int max() {
        return max;
    }

    /**
     * Checks an answer and returns it as a whole number.
     *
     * @param score the answer
     * @return the answer as an int
     * @throws InvalidInputException if the answer is fractional or off the scale
     */
    public int check(BigDecimal score) {
        if (score == null) {
            throw new InvalidInputException("score", null, "is required for " + scale());
        }
        BigDecimal whole = score.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new InvalidInputException("score", score.toPlainString(),
                    "must be a whole number on the " + scale());
        }
        if (whole.compareTo(BigDecimal.valueOf(min)) < 0
                || whole.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new InvalidInputException("score", score.toPlainString(),
                    "must be between " + min + " and " + max + " on the " + scale());
        }
        return whole.intValueExact();
    }

    /**
     * Checks an answer.
     *
     * @param score the answer
     * @return the answer
     * @throws InvalidInputException if the answer is off the scale
     */
    public int check(int score) {
        return check(BigDecimal.valueOf(score));
    }

    private String scale() {
        return name() + " scale " + min + "-" + max;
    }
}
