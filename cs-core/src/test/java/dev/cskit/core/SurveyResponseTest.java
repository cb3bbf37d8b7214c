package dev.cskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SurveyResponseTest {

    private static SurveyResponse.Builder answer(SurveyKind kind, int score) {
        return SurveyResponse.builder().id("r-1").customerId(CustomerId.of("c-1")).kind(kind)
                .score(score).answeredAt(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void build_acceptsTheEndsOfEachScale() {
        assertThat(answer(SurveyKind.NPS, 0).build().score()).isZero();
        assertThat(answer(SurveyKind.NPS, 10).build().score()).isEqualTo(10);
        assertThat(answer(SurveyKind.CSAT, 1).build().score()).isEqualTo(1);
        assertThat(answer(SurveyKind.CSAT, 5).build().score()).isEqualTo(5);
        assertThat(answer(SurveyKind.CES, 7).build().score()).isEqualTo(7);
    }

    @Test
    void build_refusesAnswersOffTheScaleNamingValueAndScale() {
        assertThatThrownBy(() -> answer(SurveyKind.NPS, 11).build())
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("score = '11': must be between 0 and 10 on the NPS scale 0-10");
        assertThatThrownBy(() -> answer(SurveyKind.CSAT, 0).build())
                .hasMessageContaining("'0'").hasMessageContaining("CSAT scale 1-5");
        assertThatThrownBy(() -> answer(SurveyKind.CES, 8).build())
                .hasMessageContaining("'8'").hasMessageContaining("CES scale 1-7");
    }

    @Test
    void json_refusesAFractionalAnswerNamingValueAndScale() {
        String json = "{\"id\":\"r-1\",\"customerId\":\"c-1\",\"kind\":\"NPS\",\"score\":7.5,"
                + "\"answeredAt\":\"2025-03-01T10:00:00Z\"}";
        assertThatThrownBy(() -> CsKitJson.read(json, SurveyResponse.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("score = '7.5'")
                .hasMessageContaining("must be a whole number on the NPS scale 0-10");
    }

    @Test
    void json_acceptsAWholeNumberWrittenWithADecimalZero() {
        String json = "{\"id\":\"r-1\",\"customerId\":\"c-1\",\"kind\":\"CSAT\",\"score\":4.0,"
                + "\"answeredAt\":\"2025-03-01T10:00:00Z\"}";
        assertThat(CsKitJson.read(json, SurveyResponse.class).score()).isEqualTo(4);
    }

    @Test
    void json_refusesUnknownProperties() {
        String json = "{\"id\":\"r-1\",\"customerId\":\"c-1\",\"kind\":\"CSAT\",\"score\":4,"
                + "\"answeredAt\":\"2025-03-01T10:00:00Z\",\"rating\":4}";
        assertThatThrownBy(() -> CsKitJson.read(json, SurveyResponse.class))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'rating'");
    }
}
