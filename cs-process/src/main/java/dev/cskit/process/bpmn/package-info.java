/**
 * BPMN 2.0 XML for process definitions: {@link dev.cskit.process.bpmn.BpmnImport} reads
 * definitions drawn in common modelers (Camunda Modeler, bpmn.io, Flowable), and
 * {@link dev.cskit.process.bpmn.BpmnExport} writes definitions, with a diagram, for modelers
 * to open.
 *
 * <p>A cskit definition is a state machine whose steps wait; BPMN's waiting nodes (tasks,
 * catch events, event-based gateways, end events) become steps, and the sequence flows
 * between them, through exclusive gateways, become transitions. The supported subset:
 *
 * <table>
 *   <caption>BPMN elements and what they become</caption>
 *   <tr><th>BPMN</th><th>cskit</th></tr>
 *   <tr><td>{@code process} (exactly one; a {@code collaboration} of participants only is
 *       allowed and ignored)</td>
 *       <td>the definition: key from {@code id}, name from {@code name}</td></tr>
 *   <tr><td>{@code startEvent} (exactly one, no event definition, one outgoing flow)</td>
 *       <td>the start step is the step its flow leads to</td></tr>
 *   <tr><td>{@code endEvent} (no event definition, or {@code terminateEventDefinition})</td>
 *       <td>an end step</td></tr>
 *   <tr><td>{@code task}, {@code userTask}, {@code serviceTask}, {@code manualTask},
 *       {@code sendTask}, {@code receiveTask} (one outgoing flow)</td>
 *       <td>a normal step holding one task of the same id and name; completing the task
 *       takes the flow: a {@code task} trigger, or, when exclusive gateways after it decide
 *       on conditions, {@code event} triggers of type {@code <taskId>.completed} whose
 *       attributes carry the decision</td></tr>
 *   <tr><td>{@code sequenceFlow} ({@code sourceRef}, {@code targetRef}; {@code incoming}
 *       and {@code outgoing} child elements are optional and not read)</td>
 *       <td>part of a transition</td></tr>
 *   <tr><td>{@code exclusiveGateway}, with {@code conditionExpression} on its outgoing
 *       flows and an optional {@code default} flow</td>
 *       <td>no step: each way through it becomes one transition, its conditions those on
 *       the way (all must hold), in document order with the default last</td></tr>
 *   <tr><td>{@code conditionExpression}: JUEL {@code ${approved}}, {@code ${!approved}},
 *       {@code ${x == 'y'}}, {@code ${x != 'y'}}, {@code ${x != null}},
 *       {@code ${n >= 10}}, {@code ${n <= 10}}, joined by {@code &&}; the same in FEEL
 *       ({@code =x = "y"}, {@code =(flag = false)}, {@code =not(flag)}, {@code and});
 *       equality tests of one attribute joined by {@code ||}/{@code or}</td>
 *       <td>conditions {@code equals "true"}, {@code equals "false"}, {@code equals},
 *       {@code notEquals}, {@code present}, {@code atLeast}, {@code atMost}; {@code in}</td></tr>
 *   <tr><td>{@code boundaryEvent} on a task, interrupting, with a
 *       {@code timerEventDefinition}/{@code timeDuration} (ISO-8601: {@code PT5M},
 *       {@code P1D})</td>
 *       <td>a timer transition of the task's step; with several timers on one task the
 *       shortest fires first</td></tr>
 *   <tr><td>{@code boundaryEvent} on a task, interrupting, with a
 *       {@code messageEventDefinition} or {@code signalEventDefinition}</td>
 *       <td>an event transition of the task's step; the event type is the message's or
 *       signal's name (its id when unnamed; the event's name when there is no ref)</td></tr>
 *   <tr><td>{@code intermediateCatchEvent} with a message, signal or timer definition</td>
 *       <td>a step without tasks waiting for that event or timer</td></tr>
 *   <tr><td>{@code eventBasedGateway} followed by intermediate catch events</td>
 *       <td>one step without tasks waiting for whichever comes first</td></tr>
 *   <tr><td>{@code documentation}, {@code extensionElements} (Camunda, Zeebe, Flowable),
 *       attributes of other namespaces ({@code camunda:formKey}, {@code flowable:assignee}),
 *       {@code laneSet}, {@code textAnnotation}, {@code association},
 *       {@code humanPerformer}, {@code potentialOwner}, {@code message}, {@code signal},
 *       {@code itemDefinition}, {@code category}, the {@code BPMNDiagram}</td>
 *       <td>ignored: they carry how an engine runs or draws the process, not its
 *       steps</td></tr>
 * </table>
 *
 * <p>Anything else is refused: parallel, inclusive and complex gateways, sub-processes and
 * call activities, script and business rule tasks, multi-instance and loop markers,
 * non-interrupting and non-timer/message/signal events, start events with a trigger, timers
 * with {@code timeDate} or {@code timeCycle}, conditions on flows not out of an exclusive
 * gateway, script conditions and any expression that is not a simple comparison, tasks with
 * several outgoing flows (implicit parallel splits) or none (implicit ends). Every problem of
 * a file is reported at once, each naming the element type, its id, and the line and column.
 *
 * <p>Labels are read as one line: line breaks modelers put in names become spaces.
 *
 * <p>Note: BPMN has no counterpart for SLA levels, actions, checklist steps, several tasks in
 * a step, business-calendar timers or a definition's zone; {@link
 * dev.cskit.process.bpmn.BpmnExport} refuses definitions that use them rather than drop
 * them. When no condition of an exclusive gateway holds and it has no default, a BPMN engine
 * fails; a cskit step ignores the event and keeps waiting.
 */
package dev.cskit.process.bpmn;
