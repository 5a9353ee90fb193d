package terraform

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// commentWidth is the longest comment text on one line. With "# " and two
// levels of indentation a comment stays within 80 columns.
const commentWidth = 74

// fileWriter builds one file's top-level body. It owns the layout rules that
// every file shares: one blank line between top-level items, comments right
// above what they describe, and a single hclwrite.Format at the end.
type fileWriter struct {
	file  *hclwrite.File
	items int
}

func newFileWriter() *fileWriter {
	return &fileWriter{file: hclwrite.NewEmptyFile()}
}

// separate starts a new top-level item, blank line first unless it is the
// first one in the file.
func (w *fileWriter) separate() {
	if w.items > 0 {
		w.file.Body().AppendNewline()
	}
	w.items++
}

// block appends a block, with a comment above it when comment is not empty,
// and returns its body to fill.
func (w *fileWriter) block(comment, typeName string, labels ...string) *hclwrite.Body {
	w.separate()
	if comment != "" {
		w.file.Body().AppendUnstructuredTokens(commentTokens(comment))
	}
	return w.file.Body().AppendNewBlock(typeName, labels).Body()
}

// blockWithDirectives is block with comment lines written verbatim between
// the comment and the block: scanner directives such as
// "#tfsec:ignore:<check>" must stand exactly so, on the line above.
func (w *fileWriter) blockWithDirectives(comment string, directives []string, typeName string, labels ...string) *hclwrite.Body {
	w.separate()
	body := w.file.Body()
	if comment != "" {
		body.AppendUnstructuredTokens(commentTokens(comment))
	}
	for _, d := range directives {
		body.AppendUnstructuredTokens(hclwrite.Tokens{{Type: hclsyntax.TokenComment, Bytes: []byte(d + "\n")}})
	}
	return body.AppendNewBlock(typeName, labels).Body()
}

// emptyBlock appends a block with no arguments, written `{}` on one line as
// people write `data "aws_region" "current" {}`. hclwrite has no way to
// collapse an empty block's braces, so the block is built from tokens.
func (w *fileWriter) emptyBlock(comment, typeName string, labels ...string) {
	w.separate()
	body := w.file.Body()
	if comment != "" {
		body.AppendUnstructuredTokens(commentTokens(comment))
	}
	tokens := hclwrite.TokensForIdentifier(typeName)
	for _, label := range labels {
		tokens = append(tokens, hclwrite.TokensForValue(cty.StringVal(label))...)
	}
	tokens = append(tokens,
		&hclwrite.Token{Type: hclsyntax.TokenOBrace, Bytes: []byte("{")},
		&hclwrite.Token{Type: hclsyntax.TokenCBrace, Bytes: []byte("}")},
		&hclwrite.Token{Type: hclsyntax.TokenNewline, Bytes: []byte("\n")},
	)
	body.AppendUnstructuredTokens(tokens)
}

// comment appends a free-standing comment as its own top-level item.
func (w *fileWriter) comment(text string) {
	w.separate()
	w.file.Body().AppendUnstructuredTokens(commentTokens(text))
}

// bytes returns the formatted file. hclwrite's File.Bytes runs the same
// formatter as hclwrite.Format over the token tree, so spacing and alignment
// are canonical no matter how the tokens were assembled; calling Format on
// the result would only re-lex the file for the same bytes (about a fifth
// of the generator's time). The golden tests and `terraform fmt -check` in
// CI hold this.
func (w *fileWriter) bytes() []byte {
	return w.file.Bytes()
}

// commentTokens turns text into "#" comment lines, wrapped at commentWidth.
// Whitespace, including newlines from labels or notes, is collapsed first,
// so text from the model can never end the comment early and inject code.
func commentTokens(text string) hclwrite.Tokens {
	var tokens hclwrite.Tokens
	line := ""
	flush := func() {
		tokens = append(tokens, &hclwrite.Token{
			Type:  hclsyntax.TokenComment,
			Bytes: []byte(strings.TrimRight("# "+line, " ") + "\n"),
		})
		line = ""
	}
	for _, word := range strings.Fields(text) {
		if line != "" && len(line)+1+len(word) > commentWidth {
			flush()
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	if line != "" || len(tokens) == 0 {
		flush()
	}
	return tokens
}

// commentInBody appends a comment inside a block body, after a blank line
// so that it reads as its own paragraph.
func commentInBody(body *hclwrite.Body, text string) {
	body.AppendNewline()
	body.AppendUnstructuredTokens(commentTokens(text))
}

// ctyString is shorthand for the literal strings the generator writes
// itself.
func ctyString(s string) cty.Value { return cty.StringVal(s) }
