package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CsvReaderTest {
    @Test
    void next_splitsPlainFields_andKeepsEmptyOnes() {
        CsvReader reader = new CsvReader("a,b,c\n1,,3\n");
        assertThat(reader.next()).containsExactly("a", "b", "c");
        assertThat(reader.next()).containsExactly("1", "", "3");
        assertThat(reader.next()).isNull();
    }

    @Test
    void next_handlesQuotedCommasQuotesAndLineBreaks() {
        CsvReader reader = new CsvReader("\"NVIDIA A10G, 24 GB\",\"say \"\"hi\"\"\",\"two\nlines\",x\nlast,row");
        assertThat(reader.next()).containsExactly("NVIDIA A10G, 24 GB", "say \"hi\"", "two\nlines", "x");
        assertThat(reader.line()).isEqualTo(3);
        assertThat(reader.next()).containsExactly("last", "row");
        assertThat(reader.next()).isNull();
    }

    @Test
    void next_acceptsCrLf_andSkipsBlankLines() {
        CsvReader reader = new CsvReader("a,b\r\n\r\n\"c\",d\r\n");
        assertThat(reader.next()).containsExactly("a", "b");
        assertThat(reader.next()).containsExactly("c", "d");
        assertThat(reader.next()).isNull();
    }

    @Test
    void next_keepsATrailingEmptyField() {
        assertThat(new CsvReader("a,\n").next()).isEqualTo(List.of("a", ""));
    }

    @Test
    void next_rejectsAnUnterminatedQuote() {
        assertThatThrownBy(() -> new CsvReader("a,\"open\nstill open").next())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void next_rejectsAStrayQuote() {
        assertThatThrownBy(() -> new CsvReader("ab\"c\n").next()).isInstanceOf(IllegalArgumentException.class);
    }
}
