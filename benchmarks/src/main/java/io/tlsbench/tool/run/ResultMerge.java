package io.tlsbench.tool.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Each JMH run writes its own part (a JSON array of results); a run folder's jmh.json is their concatenation. */
public final class ResultMerge {

    private ResultMerge() {
    }

    /** Concatenates the parts' JSON arrays into one array. */
    public static void merge(List<Path> parts, Path target) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = mapper.createArrayNode();
        for (Path p : parts) {
            JsonNode n = mapper.readTree(p.toFile());
            if (n != null && n.isArray()) {
                all.addAll((ArrayNode) n);
            }
        }
        mapper.enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), all);
    }
}
