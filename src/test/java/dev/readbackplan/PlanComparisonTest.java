package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.document.PlanComparison;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code PlanComparison} can only be made in a state that can occur. */
class PlanComparisonTest {

    @Test
    void noPublicConstructorAndOnlyTheThreeFactories() {
        assertEquals(0, PlanComparison.class.getConstructors().length, "public constructors");
        assertFalse(PlanComparison.class.isRecord(), "a record's canonical constructor is public");
        List<String> factories = new ArrayList<>();
        for (Method method : PlanComparison.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == PlanComparison.class) {
                factories.add(method.getName() + Arrays.toString(method.getParameterTypes()));
            }
        }
        factories.sort(null);
        assertEquals(List.of("differs[interface java.util.List, class java.lang.String]", "matching[]", "missing[]"), factories);
    }

    @Test
    void eachFactoryMakesAPossibleState() {
        assertTrue(PlanComparison.matching().upToDate());
        assertEquals(List.of(), PlanComparison.matching().pointerSegments());
        assertEquals("", PlanComparison.matching().difference());
        assertEquals(PlanComparison.State.MISSING, PlanComparison.missing().state());
        assertFalse(PlanComparison.missing().difference().isEmpty());
        PlanComparison differs = PlanComparison.differs(List.of("readback_candidates", "0"), "the bytes differ here");
        assertEquals(PlanComparison.State.OUT_OF_DATE, differs.state());
        assertEquals("/readback_candidates/0", differs.displayPointer());
        assertEquals(differs, PlanComparison.differs(List.of("readback_candidates", "0"), "the bytes differ here"));
        assertEquals("OUT_OF_DATE at /readback_candidates/0: the bytes differ here", differs.toString());
    }

    @Test
    void anOutOfDateFileSaysWhatDiffers() {
        assertThrows(IllegalArgumentException.class, () -> PlanComparison.differs(List.of(), ""));
        assertThrows(IllegalArgumentException.class, () -> PlanComparison.differs(List.of("a"), " "));
        assertThrows(NullPointerException.class, () -> PlanComparison.differs(List.of(), null));
        assertThrows(NullPointerException.class, () -> PlanComparison.differs(null, "x"));
    }
}
