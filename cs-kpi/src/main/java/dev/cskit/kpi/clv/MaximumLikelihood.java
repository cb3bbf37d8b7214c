package dev.cskit.kpi.clv;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over positive parameters with the Nelder-Mead simplex of
 * commons-math3.
 *
 * <p>The search runs on the logs of the parameters, so every point it visits is a valid
 * parameter set. Nelder-Mead can stall on a ridge, so the search is restarted from its own
 * optimum with a fresh simplex until a restart no longer improves the log-likelihood by more
 * than {@code 1e-9}.
 *
 * <p>A likelihood without an interior maximum (nobody repeats, every value the same) sends
 * some parameters towards 0 or infinity; a fit whose parameters end more than a factor
 * {@code 1e8} away from their starting values is reported as diverged rather than returned.
 */
final class MaximumLikelihood {

    private static final int MAX_EVALUATIONS = 20_000;
    private static final int MAX_RESTARTS = 20;
    private static final double RESTART_GAIN = 1e-9;
    private static final double MAX_LOG_DRIFT = Math.log(1e8);

    private MaximumLikelihood() {
    }

    /**
     * Returns the parameters (not their logs) that maximise the log-likelihood.
     *
     * @param model the model's name, for messages
     * @param names the parameters' names, for messages
     * @param customers the number of customers, for messages
     * @param logLikelihood the log-likelihood of a parameter vector
     * @param start the starting parameters, all {@code > 0}
     * @return the maximising parameters followed by the maximum, in one array
     * @throws ModelFitException if the optimiser does not converge, the maximum is not finite
     *     or a parameter diverged
     */
    static double[] maximise(String model, String[] names, int customers,
            ToDoubleFunction<double[]> logLikelihood, double[] start) {
        ObjectiveFunction objective = new ObjectiveFunction(logs -> {
            double value = logLikelihood.applyAsDouble(exp(logs));
            return Double.isFinite(value) ? value : -Double.MAX_VALUE;
        });

        // Restart from each optimum until the log-likelihood stops improving.
        double[] point = log(start);
        double best = Double.NEGATIVE_INFINITY;
        for (int restart = 0; restart < MAX_RESTARTS; restart++) {
            PointValuePair optimum = search(model, customers, objective, point);
            double gain = optimum.getValue() - best;
            point = optimum.getPoint();
            best = optimum.getValue();
            if (gain <= RESTART_GAIN) {
                checkDrift(model, names, customers, start, point);
                return result(model, customers, exp(point), best);
            }
        }
        throw new ModelFitException(model + " fit on " + customers + " customers did not settle"
                + " after " + MAX_RESTARTS + " restarts of the simplex search");
    }

    private static PointValuePair search(String model, int customers,
            ObjectiveFunction objective, double[] start) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-12);
        try {
            return optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective,
                    GoalType.MAXIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(start.length, 0.5));
        } catch (TooManyEvaluationsException e) {
            throw new ModelFitException(model + " fit on " + customers + " customers did not"
                    + " converge within " + MAX_EVALUATIONS + " likelihood evaluations", e);
        }
    }

    private static void checkDrift(String model, String[] names, int customers, double[] start,
            double[] logs) {
        for (int i = 0; i < logs.length; i++) {
            if (Math.abs(logs[i] - Math.log(start[i])) > MAX_LOG_DRIFT) {
                throw new ModelFitException(model + " fit on " + customers + " customers"
                        + " diverged: " + names[i] + " ran to " + Math.exp(logs[i])
                        + " from a start of " + start[i] + "; the likelihood has no interior"
                        + " maximum (for example nobody repeats, or all values are equal)");
            }
        }
    }

    private static double[] result(String model, int customers, double[] parameters,
            double logLikelihood) {
        boolean finite = logLikelihood > -Double.MAX_VALUE;
        for (double parameter : parameters) {
            finite &= Double.isFinite(parameter) && parameter > 0;
        }
        if (!finite) {
            throw new ModelFitException(model + " fit on " + customers + " customers ended at a"
                    + " point without a finite likelihood; the data may have no interior"
                    + " maximum");
        }

        double[] out = new double[parameters.length + 1];
        System.arraycopy(parameters, 0, out, 0, parameters.length);
        out[parameters.length] = logLikelihood;
        return out;
    }

    private static double[] exp(double[] logs) {
        double[] out = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            out[i] = Math.exp(logs[i]);
        }
        return out;
    }

    private static double[] log(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Math.log(values[i]);
        }
        return out;
    }
}
