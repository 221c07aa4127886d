package dev.revhooks.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsArePaddedToTheirWidestCellAndTheLastIsNot() {
        String rendered = new TextTable("A", "BB", "C").row("aaa", "b", "last cell").row("a", null, "c").render();

        assertThat(rendered.lines()).containsExactly(
                "A    BB  C",
                "aaa  b   last cell",
                "a        c");
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        assertThatThrownBy(() -> new TextTable("A", "B").row("only one"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected 2 cells, got 1");
    }
}
