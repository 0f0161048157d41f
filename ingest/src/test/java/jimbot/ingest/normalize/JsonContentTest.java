package jimbot.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Struct;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void digestIgnoresKeyOrderAtEveryDepth() throws Exception {
        byte[] a = JsonContent.digest(json("{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"}}"));
        byte[] b = JsonContent.digest(json("{\"b\":{\"y\":\"z\",\"x\":[1,2]},\"a\":1}"));
        assertThat(a).isEqualTo(b).hasSize(JsonContent.DIGEST_BYTES);
    }

    @Test
    void digestSeesEveryDifference() throws Exception {
        byte[] base = JsonContent.digest(json("{\"a\":[1,2],\"b\":\"1\"}"));
        assertThat(JsonContent.digest(json("{\"a\":[2,1],\"b\":\"1\"}"))).isNotEqualTo(base);
        assertThat(JsonContent.digest(json("{\"a\":[1,2],\"b\":1}"))).isNotEqualTo(base);
        assertThat(JsonContent.digest(json("{\"a\":[1,2],\"b\":\"1\",\"c\":null}"))).isNotEqualTo(base);
        assertThat(JsonContent.digest(json("{\"a\":[1,2]}"))).isNotEqualTo(base);
        // a key/value boundary cannot be shifted to forge the same digest
        assertThat(JsonContent.digest(json("{\"ab\":\"c\"}"))).isNotEqualTo(JsonContent.digest(json("{\"a\":\"bc\"}")));
    }

    @Test
    void digestReadsNumbersByValue() throws Exception {
        assertThat(JsonContent.digest(json("[7]"))).isEqualTo(JsonContent.digest(json("[7.0]")));
        assertThat(JsonContent.digest(json("[183245.731]"))).isNotEqualTo(JsonContent.digest(json("[183245.732]")));
    }

    @Test
    void structRoundTripsWholeNumbersAndSkipsLiftedFields() throws Exception {
        JsonNode node = json("{\"type\":\"X\",\"n\":3,\"f\":1.5,\"list\":[\"1\",true,null],\"o\":{}}");
        Struct s = JsonContent.toStruct(node, Set.of("type"));
        assertThat(s.getFieldsMap()).doesNotContainKey("type");
        assertThat(JsonContent.toJson(s)).isEqualTo(json("{\"n\":3,\"f\":1.5,\"list\":[\"1\",true,null],\"o\":{}}"));
    }
}
