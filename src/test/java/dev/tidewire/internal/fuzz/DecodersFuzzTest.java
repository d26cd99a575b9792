package dev.tidewire.internal.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tidewire.internal.engine.EngineDecoderFuzzTest;
import dev.tidewire.internal.parser.JsonReaderFuzzTest;
import dev.tidewire.internal.parser.MsgPackDecoderFuzzTest;
import dev.tidewire.internal.parser.SioDecoderFuzzTest;

/**
 * All decoder fuzz checks behind one fuzz test, for the bounded fuzzing run inside {@code mvn test} (the surefire
 * execution {@code fuzz-decoders}): Jazzer fuzzes one fuzz test per JVM and its start-up costs several seconds, so one
 * JVM for all targets keeps the build short. The first byte picks the target, so coverage feedback covers all four.
 * For a longer session on one target: {@code JAZZER_FUZZ=1 mvn test -Dtest=SioDecoderFuzzTest}.
 */
class DecodersFuzzTest {
    @FuzzTest(maxDuration = "15s")
    void decoders(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 3)) {
            case 0 -> EngineDecoderFuzzTest.check(data);
            case 1 -> SioDecoderFuzzTest.check(data);
            case 2 -> MsgPackDecoderFuzzTest.check(data);
            default -> JsonReaderFuzzTest.check(data);
        }
    }
}
