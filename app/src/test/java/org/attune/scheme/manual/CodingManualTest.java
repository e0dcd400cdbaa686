package org.attune.scheme.manual;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attune.scheme.Code;
import org.attune.scheme.CodingScheme;
import org.attune.scheme.KeyboardLayout;
import org.attune.scheme.json.BundledSchemes;
import org.attune.scheme.json.SchemeReader;
import org.junit.jupiter.api.Test;

class CodingManualTest {

    private final CodingScheme scheme = BundledSchemes.defaultScheme();

    @Test
    void htmlManualHasEveryCodeWithItsRulesAndSource() {
        String html = CodingManual.html(scheme, KeyboardLayout.US_QWERTY);
        for (Code c : scheme.codes()) {
            assertTrue(html.contains("id=\"code-" + c.id() + "\""), c.id());
            assertTrue(html.contains(HtmlManual.esc(c.definition().summary())), c.id() + " summary");
            c.sourceNote().ifPresent(s -> assertTrue(html.contains(HtmlManual.esc(s.quote())), c.id() + " source"));
        }
        assertTrue(html.contains("<b>Onset.</b>"));
        assertTrue(html.contains("<b>Offset.</b>"));
        assertTrue(html.contains("<b>What does not count.</b>"));
        assertTrue(html.contains("Modifier: Bid type (choose one)"));
        assertTrue(html.contains("1 — Social / positive (social)"));
        assertTrue(html.contains("Starting it ends: P_FOLLOW, P_WITHDRAW"), "exclusive relations are spelled out per code");
        assertTrue(html.contains("<td>Consistently insensitive"), "rating anchors are tabulated");
    }

    @Test
    void htmlManualIsSelfContained() {
        String html = CodingManual.html(scheme, KeyboardLayout.US_QWERTY);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains("src=\"http"), "no external images");
        assertFalse(html.contains("url("), "no external CSS resources");
    }

    @Test
    void keysAreShownOnTheChosenLayout() {
        String us = CodingManual.markdown(scheme, KeyboardLayout.US_QWERTY);
        String de = CodingManual.markdown(scheme, KeyboardLayout.DE_QWERTZ);
        assertTrue(us.contains("| Y | C_POS | Child positive affect |"), "C_POS is on KeyY, labelled Y in the US");
        assertTrue(de.contains("| Z | C_POS | Child positive affect |"), "the same key is labelled Z on QWERTZ");
        assertTrue(de.contains("German QWERTZ"));
    }

    @Test
    void markdownListsFreeKeysForLabAdditions() {
        String md = CodingManual.markdown(scheme, KeyboardLayout.US_QWERTY);
        assertTrue(md.contains("Free keys for lab-specific codes: 2 3 4 5 - = Q"), md.lines().filter(l -> l.startsWith("Free")).findFirst().orElse(""));
    }

    @Test
    void textIsEscapedInHtml() {
        String json = """
                {"formatVersion": 1, "id": "x", "name": "A <b>bold</b> & risky name", "version": "1",
                 "families": [{"id": "F", "label": "F", "color": "#000000"}],
                 "codes": [{"id": "C", "label": "<script>alert(1)</script>", "family": "F", "subject": "dyad", "kind": "point",
                            "definition": {"summary": "a \\"quoted\\" summary"}}]}
                """;
        String html = CodingManual.html(SchemeReader.readText(json, "x.json").orThrow(), KeyboardLayout.US_QWERTY);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; risky name"));
    }
}
