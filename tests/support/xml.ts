/**
 * A strict XML 1.0 parser for the tests: jsdom's XML mode (saxes), which rejects what XML forbids —
 * control characters, U+FFFE/U+FFFF, lone surrogates, references to them (`&#1;`) — as well as
 * malformed markup. (fast-xml-parser's XMLValidator accepts all of those characters, so it cannot
 * tell whether a feed will parse.)
 */
import { JSDOM } from 'jsdom';

/** The parsed document, or an Error saying where the XML is not well-formed. */
export function parseXmlStrict(xml: string): Document {
  return new JSDOM(xml, { contentType: 'application/xml' }).window.document;
}

/**
 * Characters no page, feed or sitemap should carry (an oracle independent of src/lib/clean-text.ts):
 * C0 controls other than tab, LF, CR; DEL; C1 controls; noncharacters; lone surrogates.
 */
export const NON_TEXT =
  // eslint-disable-next-line no-control-regex -- the control characters are what it finds
  /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;
