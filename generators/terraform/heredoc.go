package terraform

import (
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// heredocMarker closes every heredoc the generator writes; EOT is the
// marker Terraform's own documentation uses.
const heredocMarker = "EOT"

// indentWidth is the indentation step of the HCL formatter.
const indentWidth = 2

// heredoc renders text as an indented heredoc for an argument at the given
// nesting depth, laid out as people write one:
//
//	user_data = base64encode(<<-EOT
//	  #!/bin/bash
//	  dnf install -y httpd
//	EOT
//	)
//
// hclwrite's formatter leaves heredoc lines alone, so the generator indents
// them itself: the lines one level deeper than the argument, the closing
// marker level with it. <<- removes the smallest indentation of the lines
// that are not blank, which is exactly the added indentation when the text
// has a line starting in column 0. Lines of whitespace only are written as
// they are, because HCL neither counts nor trims them. As in any template,
// "${" and "%{" are doubled; there are no backslash escapes in a heredoc.
//
// It reports false for text a heredoc cannot hold, or would not read well:
// a single line, text not ending in a newline (a heredoc always does),
// control characters other than tabs. The result is then parsed back and
// evaluated, and any difference from text (a line equal to the marker, no
// line in column 0, a combining character fused with the indentation)
// rejects it too. The caller falls back to a quoted string, which can hold
// anything, so the rules need not be exhaustive to be safe.
func heredoc(text string, depth int) (hclwrite.Tokens, bool) {
	if !strings.HasSuffix(text, "\n") || strings.IndexFunc(text, func(c rune) bool {
		return unicode.IsControl(c) && c != '\n' && c != '\t'
	}) >= 0 {
		return nil, false
	}
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) < 2 {
		return nil, false
	}
	indent := strings.Repeat(" ", (depth+1)*indentWidth)
	tokens := hclwrite.Tokens{token(hclsyntax.TokenOHeredoc, "<<-"+heredocMarker+"\n")}
	for _, line := range lines {
		if strings.TrimSpace(line) != "" {
			line = indent + escapeTemplate(line)
		}
		tokens = append(tokens, token(hclsyntax.TokenStringLit, line+"\n"))
	}
	// The closing marker must be followed by a newline of its own: the
	// call's closing parenthesis cannot share its line.
	tokens = append(tokens,
		token(hclsyntax.TokenCHeredoc, strings.Repeat(" ", depth*indentWidth)+heredocMarker),
		token(hclsyntax.TokenNewline, "\n"),
	)
	if !evaluatesTo(tokens, text) {
		return nil, false
	}
	return tokens, true
}

// escapeTemplate doubles the "$" or "%" of every "${" and "%{", as
// hclwrite does for quoted strings, so that template syntax in the text
// stays text.
func escapeTemplate(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteByte(s[i])
		if (s[i] == '$' || s[i] == '%') && i+1 < len(s) && s[i+1] == '{' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// evaluatesTo reports whether tokens parse as an expression whose value is
// the string want.
func evaluatesTo(tokens hclwrite.Tokens, want string) bool {
	expr, diags := hclsyntax.ParseExpression(tokens.Bytes(), "heredoc", hcl.InitialPos)
	if diags.HasErrors() {
		return false
	}
	got, diags := expr.Value(nil)
	if diags.HasErrors() || !got.Type().Equals(cty.String) || !got.IsKnown() || got.IsNull() {
		return false
	}
	// cty normalises strings to NFC, so compare like with like.
	return got.AsString() == cty.StringVal(want).AsString()
}
