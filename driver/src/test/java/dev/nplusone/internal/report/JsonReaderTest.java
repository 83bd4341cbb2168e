package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    static JsonReader json(String text) {
        return new JsonReader(new StringReader(text));
    }

    @Test
    void reads_what_the_json_lines_writer_escapes_back_to_the_same_string() throws IOException {
        String hostile = "quote \" backslash \\ newline \n tab \t control \u0001 line separator \u2028 emoji \uD83D\uDE00";
        StringBuilder written = new StringBuilder();
        JsonReport.string(written, hostile);

        assertEquals(hostile, json(written.toString()).nextString());
    }

    @Test
    void skips_unknown_members_however_deep_and_reads_the_next_one() throws IOException {
        JsonReader reader = json("{\"future\":{\"a\":[1,{\"b\":[true,false,null,\"x\\\"]\"]},-2.5e3]},\"n\":42}");
        reader.beginObject();
        assertEquals("future", reader.nextName());
        reader.skipValue();
        assertEquals("n", reader.nextName());
        assertEquals(42, reader.nextLong());
        assertFalse(reader.hasNext());
        reader.endObject();
        assertEquals(JsonReader.Token.END, reader.peek());
    }

    @Test
    void reads_nulls_booleans_and_arrays() throws IOException {
        JsonReader reader = json("[null, true, \"s\", 7]");
        reader.beginArray();
        assertNull(reader.nextString());
        assertTrue(reader.nextBoolean());
        assertEquals("s", reader.nextString());
        assertEquals(7, reader.nextLong());
        reader.endArray();
    }

    @Test
    void malformed_input_says_where() {
        IOException cut = assertThrows(IOException.class, () -> json("{\"scope\":{\"name\":\"cut").skipValue());
        assertTrue(cut.getMessage().startsWith("unterminated string at character"), cut.getMessage());
        IOException comma = assertThrows(IOException.class, () -> json("[1 2]").skipValue());
        assertEquals("expected ',' or ']' at character 3", comma.getMessage());
    }
}
