package dev.cskit.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of cskit, applied to every package that declares value types.
 *
 * <p>Generated implementations are package-private and hidden behind the abstract value type
 * ({@code overshadowImplementation}); callers build values through the type's own nested
 * {@code Builder} and never name a generated class. Accessors are nouns ({@code name()}, not
 * {@code getName()}), a builder starts from an existing value with {@code copyFrom},
 * collections default to empty and {@code Optional} stands for an absent value.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
        visibility = Value.Style.ImplementationVisibility.PACKAGE,
        builderVisibility = Value.Style.BuilderVisibility.PACKAGE,
        overshadowImplementation = true,
        jdkOnly = true,
        from = "copyFrom",
        defaults = @Value.Immutable(copy = true))
public @interface ValueStyle {
}
