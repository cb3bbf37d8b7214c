package dev.cskit.process.bpmn;

import dev.cskit.process.ProcessDefinition;
import dev.cskit.process.Step;
import dev.cskit.process.Transition;
import dev.cskit.process.Trigger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Definitions compared as a BPMN round trip keeps them: per step, transitions that fire on
 * different inputs may change places; those on the same input keep their order.
 */
final class Equivalence {

    private Equivalence() {
    }

    static ProcessDefinition canonical(ProcessDefinition definition) {
        List<Step> steps = new ArrayList<>();
        for (Step step : definition.steps()) {
            List<Transition> sorted = new ArrayList<>(step.transitions());
            // List.sort is stable: transitions on the same input keep their order.
            sorted.sort(Comparator.comparing(Equivalence::input));
            steps.add(Step.builder().copyFrom(step).transitions(sorted).build());
        }
        return ProcessDefinition.builder().copyFrom(definition).steps(steps).build();
    }

    private static String input(Transition transition) {
        Trigger trigger = transition.trigger();
        return trigger.kind() + ":" + trigger.eventType().orElse("")
                + trigger.task().orElse("");
    }
}
