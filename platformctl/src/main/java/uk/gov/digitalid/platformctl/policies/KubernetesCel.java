package uk.gov.digitalid.platformctl.policies;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CEL as the Kubernetes API server offers it to admission policies: the variables {@code object},
 * {@code oldObject}, {@code params}, {@code namespaceObject}, {@code request} and {@code variables},
 * the standard macros and the strings, lists, sets, math, regex, optional, bindings and encoders
 * libraries. Expressions are compiled once and kept.
 */
public final class KubernetesCel {

    private static final CelOptions OPTIONS = CelOptions.current().enableTimestampEpoch(true).build();

    private final Cel cel = CelFactory.standardCelBuilder()
            .setOptions(OPTIONS)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS), CelExtensions.math(OPTIONS),
                    CelExtensions.regex(), CelExtensions.optional(), CelExtensions.bindings(), CelExtensions.encoders(OPTIONS))
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists(), CelExtensions.sets(OPTIONS), CelExtensions.math(OPTIONS),
                    CelExtensions.regex(), CelExtensions.optional(), CelExtensions.encoders(OPTIONS))
            .addVar("object", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("oldObject", SimpleType.DYN)
            .addVar("params", SimpleType.DYN)
            .addVar("namespaceObject", SimpleType.DYN)
            .addVar("request", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .build();

    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    /** @throws CelExpressionException if the expression does not compile or fails to evaluate */
    public Object evaluate(String expression, Map<String, Object> activation) {
        CelRuntime.Program program = programs.computeIfAbsent(expression, this::compile);
        try {
            return program.eval(activation);
        } catch (CelEvaluationException e) {
            throw new CelExpressionException("expression failed: " + e.getMessage(), e);
        }
    }

    private CelRuntime.Program compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
            return cel.createProgram(ast);
        } catch (CelValidationException e) {
            throw new CelExpressionException("expression does not compile: " + e.getMessage(), e);
        } catch (CelEvaluationException e) {
            throw new CelExpressionException("expression cannot be planned: " + e.getMessage(), e);
        }
    }

    /** YAML gives Integer and Float; CEL wants int as Long and double as Double, all the way down. */
    public static Object celValue(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), celValue(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(celValue(v)));
            return copy;
        }
        return value;
    }
}
