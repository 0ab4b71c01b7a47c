package me.wolfeo.sequences.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void ordinaryTextOfAnyScriptIsStorable() {
        assertThat(Text.isStorable("Welcome Series")).isTrue();
        assertThat(Text.isStorable("Zoë – 東京 – 😀")).isTrue();
        assertThat(Text.isStorable(null)).isTrue();
        assertThat(Text.isStorable("")).isTrue();
    }

    @Test
    void aNulByteOrAnyOtherControlCharacterIsNot() {
        assertThat(Text.isStorable("nul\u0000inside")).isFalse();
        assertThat(Text.isStorable("10\u0000")).isFalse();
        assertThat(Text.isStorable("\u001b[31m")).isFalse();
        assertThat(Text.isStorable("del\u007f")).isFalse();
        assertThat(Text.isStorable("c1\u0085")).isFalse();
        assertThat(Text.isStorable("two\nlines")).isFalse();
    }

    @Test
    void aLoneSurrogateIsNotButAPairIs() {
        assertThat(Text.isStorable("\ud800")).isFalse();
        assertThat(Text.isStorable("x\udc00")).isFalse();
        assertThat(Text.isStorable("\ud83d")).isFalse();
        assertThat(Text.isStorable("\ud83d\ude00")).isTrue();
    }

    @Test
    void multiLineTextMayHoldTabsAndLineBreaksOnly() {
        assertThat(Text.isStorableMultiline("<p>\n\tHello\r\n</p>")).isTrue();
        assertThat(Text.isStorableMultiline("<p>\u0000</p>")).isFalse();
        assertThat(Text.isStorableMultiline("<p>\ud800</p>")).isFalse();
    }
}
