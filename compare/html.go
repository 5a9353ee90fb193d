package compare

import (
	"bytes"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"github.com/scaffold-iac/scaffold/templates"
)

// htmlTemplate is the page layout in templates/; everything the page needs
// (CSS and the highlighting script) is inline in it, so the file opens the
// same offline, from a CI artifact or from an e-mail attachment.
const htmlTemplate = "compare.html.tmpl"

// htmlPage is what the template sees: the comparison, with each block's
// source already turned into highlighted markup.
type htmlPage struct {
	Name, Blueprint, Region string
	Summary                 Summary
	Rows                    []htmlRow
}

// htmlRow is one component's row: a cell per column.
type htmlRow struct {
	ID, Label, Group string
	Kind             string
	Terraform        []htmlBlock
	CloudFormation   []htmlBlock
	// TerraformNote and CloudFormationNote stand in for an empty side, so
	// the component still appears in both columns.
	TerraformNote, CloudFormationNote string
	// Note is shown under the row when neither side needed it.
	Note string
}

// htmlBlock is one resource in a cell, its code already highlighted.
type htmlBlock struct {
	Address, Type string
	Lines         int
	Code          template.HTML
}

// HTML renders the comparison as one self-contained page: a summary panel,
// then one row per component with its Terraform on the left and its
// CloudFormation on the right. Hovering or clicking a component's cell
// highlights it and its twin. The page loads nothing from the network and
// its bytes depend only on c.
func (c *Comparison) HTML() ([]byte, error) {
	tmpl, err := template.New(htmlTemplate).Option("missingkey=error").ParseFS(templates.FS, htmlTemplate)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", htmlTemplate, err)
	}
	page := htmlPage{Name: c.Name, Blueprint: c.Blueprint, Region: c.Region, Summary: c.Summary}
	for _, r := range c.Rows {
		row := htmlRow{ID: r.ID, Label: r.Label, Group: r.Group, Kind: string(r.Kind)}
		for _, b := range r.Terraform {
			row.Terraform = append(row.Terraform, htmlBlock{Address: b.Address, Type: b.Type, Lines: blockLineCount(b.Text), Code: hangingIndent(highlightHCL(b.Text))})
		}
		for _, b := range r.CloudFormation {
			row.CloudFormation = append(row.CloudFormation, htmlBlock{Address: b.Address, Type: b.Type, Lines: blockLineCount(b.Text), Code: hangingIndent(highlightYAML(b.Text))})
		}
		// Build sets Note when a side is empty, and it belongs in that
		// side's cell; a side left empty without a reason still says so.
		if len(row.Terraform) == 0 {
			row.TerraformNote = emptyNote(r.Note, "Terraform")
		}
		if len(row.CloudFormation) == 0 {
			row.CloudFormationNote = emptyNote(r.Note, "CloudFormation")
		}
		if len(row.Terraform) > 0 && len(row.CloudFormation) > 0 {
			row.Note = r.Note
		}
		page.Rows = append(page.Rows, row)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, page); err != nil {
		return nil, fmt.Errorf("rendering the comparison of %q: %w", c.Name, err)
	}
	return buf.Bytes(), nil
}

func emptyNote(note, format string) string {
	if note != "" {
		return note
	}
	return "No " + format + " resource for this component."
}

func blockLineCount(text string) int {
	return strings.Count(strings.TrimRight(text, "\n"), "\n") + 1
}

// Highlight classes. The stylesheet in the template colours them; the names
// are the only markup the tokenizers write besides escaped text.
const (
	classComment = "c"   // comments
	classString  = "s"   // quoted strings and block scalars
	classInterp  = "i"   // ${...} inside a string
	classKeyword = "k"   // HCL block keywords and literals (true, false, null)
	classAttr    = "a"   // HCL attribute and block names, YAML keys
	classNumber  = "n"   // numbers
	classTag     = "t"   // YAML tags: !Ref, !Sub, !GetAtt, ...
	classRef     = "r"   // references: aws_vpc.main.id, var.name, !Ref targets
	classFunc    = "f"   // HCL function calls
	classType    = "ty"  // resource types: "aws_vpc", AWS::EC2::VPC
	classLabel   = "lbl" // HCL block labels and YAML logical IDs
)

// highlighter collects escaped text and spans. Every piece of source text
// goes through template.HTMLEscapeString, and class names are the constants
// above, so the result is safe to mark as template.HTML.
type highlighter struct {
	b     strings.Builder
	plain strings.Builder
}

func (h *highlighter) text(s string) { h.plain.WriteString(s) }

func (h *highlighter) flush() {
	if h.plain.Len() > 0 {
		h.b.WriteString(template.HTMLEscapeString(h.plain.String()))
		h.plain.Reset()
	}
}

func (h *highlighter) span(class, s string) {
	if s == "" {
		return
	}
	h.flush()
	h.b.WriteString(`<span class="` + class + `">`)
	h.b.WriteString(template.HTMLEscapeString(s))
	h.b.WriteString(`</span>`)
}

func (h *highlighter) open(class string) {
	h.flush()
	h.b.WriteString(`<span class="` + class + `">`)
}

func (h *highlighter) close() {
	h.flush()
	h.b.WriteString(`</span>`)
}

// html returns the markup; the conversion is sound because of how the
// highlighter writes (see its comment).
func (h *highlighter) html() template.HTML {
	h.flush()
	return template.HTML(h.b.String())
}

// hangingIndent wraps every line of highlighted markup in a block span
// whose --i is the line's indentation (plus YAML "- " markers), so a long
// line that wraps continues under its own text, not at the left margin.
// Spans that cross a line end are closed before it and reopened after,
// which keeps the markup well formed; the text, and so what a reader
// copies, is unchanged.
func hangingIndent(highlighted template.HTML) template.HTML {
	markup := string(highlighted)
	var b strings.Builder
	var open []string // class attributes of the spans open at a line end
	lines := strings.Split(markup, "\n")
	for n, line := range lines {
		fmt.Fprintf(&b, `<span class="ln" style="--i:%d">`, indentOf(line))
		for _, class := range open {
			b.WriteString(`<span class="` + class + `">`)
		}
		b.WriteString(line)
		open = openSpans(open, line)
		for range open {
			b.WriteString("</span>")
		}
		if n < len(lines)-1 {
			b.WriteString("\n")
		}
		b.WriteString("</span>")
	}
	// Sound: the input was safe markup, and only span tags and text
	// already in it were added.
	return template.HTML(b.String())
}

// indentOf counts the columns before a line's text: leading spaces and
// YAML sequence markers, ignoring markup.
func indentOf(line string) int {
	text := stripTags(line)
	n := 0
	for n < len(text) && text[n] == ' ' {
		n++
	}
	for strings.HasPrefix(text[n:], "- ") {
		n += 2
	}
	return n
}

func stripTags(markup string) string {
	var b strings.Builder
	inTag := false
	for i := 0; i < len(markup); i++ {
		switch c := markup[i]; {
		case c == '<':
			inTag = true
		case c == '>' && inTag:
			inTag = false
		case !inTag:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// openSpans returns the spans still open after line, given those open
// before it. The highlighter writes only <span class="..."> and </span>.
func openSpans(open []string, line string) []string {
	open = append([]string(nil), open...)
	for i := 0; i < len(line); i++ {
		switch {
		case strings.HasPrefix(line[i:], `<span class="`):
			start := i + len(`<span class="`)
			end := strings.IndexByte(line[start:], '"')
			open = append(open, line[start:start+end])
			i = start + end
		case strings.HasPrefix(line[i:], "</span>"):
			open = open[:len(open)-1]
			i += len("</span>") - 1
		}
	}
	return open
}

// quoted writes a string literal that starts at s[0] (its quote) and
// returns how many bytes it took. It stops at the closing quote or at the
// end of the line, so a malformed literal never swallows the rest of the
// block. With interpolation, ${...} parts are marked inside the string.
func (h *highlighter) quoted(s string, escapes, interpolation bool) int {
	quote := s[0]
	h.open(classString)
	start, i := 0, 1
	for i < len(s) && s[i] != '\n' {
		switch {
		case escapes && s[i] == '\\' && i+1 < len(s) && s[i+1] != '\n':
			i += 2
			continue
		case !escapes && s[i] == quote && i+1 < len(s) && s[i+1] == quote:
			// YAML single quotes escape themselves.
			i += 2
			continue
		case s[i] == quote:
			i++
			h.text(s[start:i])
			h.close()
			return i
		case interpolation && strings.HasPrefix(s[i:], "${"):
			end := strings.IndexAny(s[i:], "}\n")
			if end < 0 || s[i+end] == '\n' {
				i++
				continue
			}
			h.text(s[start:i])
			h.span(classInterp, s[i:i+end+1])
			i += end + 1
			start = i
			continue
		}
		i++
	}
	h.text(s[start:i])
	h.close()
	return i
}

// hclKeywords are the words shown as keywords wherever they stand alone.
var hclKeywords = []string{"resource", "data", "variable", "output", "locals", "module", "provider", "terraform", "true", "false", "null", "for", "in", "if", "each", "count"}

// hclReferenceRoots start a reference even when they are not a resource
// type (aws_*), e.g. var.name or data.aws_region.current.region.
var hclReferenceRoots = []string{"var", "local", "data", "module", "each", "count", "path", "self"}

// highlightHCL marks up HCL as hclwrite formats it. It is a tokenizer, not
// a parser: it only needs to be right about where comments, strings and
// identifiers start and end, and to degrade to plain text otherwise.
func highlightHCL(src string) template.HTML {
	h := &highlighter{}
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			h.text("\n")
			i++
			lineStart = true
			continue
		case c == ' ' || c == '\t':
			h.text(src[i : i+1])
			i++
			continue
		case c == '#' || strings.HasPrefix(src[i:], "//"):
			end := scanLineEnd(src, i)
			h.span(classComment, src[i:end])
			i = end
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				end = len(src)
			} else {
				end += i + 4
			}
			h.span(classComment, src[i:end])
			i = end
		case strings.HasPrefix(src[i:], "<<"):
			i = h.heredoc(src, i)
		case c == '"':
			// A block's labels (resource "aws_vpc" "main") are strings
			// that name things: the first is the type.
			if label := hclLabelClass(src, i); label != "" {
				end := i + 1 + strings.IndexAny(src[i+1:], "\"\n")
				if end > i && src[end] == '"' {
					h.span(label, src[i:end+1])
					i = end + 1
					break
				}
			}
			i += h.quoted(src[i:], true, true)
		case isDigitByte(c) && (i == 0 || !(isIdentStartByte(src[i-1]) || isDigitByte(src[i-1]))):
			end := i
			for end < len(src) && (isDigitByte(src[end]) || src[end] == '.' || src[end] == 'e' || src[end] == 'E') {
				end++
			}
			h.span(classNumber, src[i:end])
			i = end
		case isIdentStartByte(c):
			end := scanIdentEnd(src, i)
			word := src[i:end]
			switch {
			case isHCLReference(src, i, end):
				refEnd := referenceEnd(src, end)
				h.span(classRef, src[i:refEnd])
				end = refEnd
			case slices.Contains(hclKeywords, word):
				h.span(classKeyword, word)
			case end < len(src) && src[end] == '(':
				h.span(classFunc, word)
			case lineStart && startsAttribute(src[end:]):
				h.span(classAttr, word)
			default:
				h.text(word)
			}
			i = end
		default:
			h.text(src[i : i+1])
			i++
		}
		lineStart = false
	}
	return h.html()
}

// heredoc marks up a <<EOT or <<-EOT heredoc starting at src[i]: the
// marker and the body up to the closing marker line are one string. It
// returns where scanning resumes. Without a closing marker, only "<<" is
// consumed, as plain text.
func (h *highlighter) heredoc(src string, i int) int {
	start := i + 2
	if start < len(src) && src[start] == '-' {
		start++
	}
	markerEnd := scanIdentEnd(src, start)
	marker := src[start:markerEnd]
	if marker == "" || markerEnd >= len(src) || src[markerEnd] != '\n' {
		h.text("<<")
		return i + 2
	}
	for line := markerEnd + 1; line < len(src); {
		end := scanLineEnd(src, line)
		if strings.TrimSpace(src[line:end]) == marker {
			h.span(classString, src[i:end])
			return end
		}
		line = end + 1
	}
	h.text("<<")
	return i + 2
}

// hclLabelClass tells whether the string at src[i] is a block label: it
// follows a block keyword on its line. The first label is a type.
func hclLabelClass(src string, i int) string {
	start := strings.LastIndexByte(src[:i], '\n') + 1
	fields := strings.Fields(src[start:i])
	if len(fields) == 0 || !slices.Contains([]string{"resource", "data", "variable", "output", "module", "provider"}, fields[0]) {
		return ""
	}
	for _, f := range fields[1:] {
		if !strings.HasPrefix(f, `"`) {
			return ""
		}
	}
	if len(fields) == 1 && (fields[0] == "resource" || fields[0] == "data") {
		return classType
	}
	return classLabel
}

// isHCLReference tells whether the identifier src[start:end] begins a
// traversal such as aws_vpc.main.id or var.name.
func isHCLReference(src string, start, end int) bool {
	if end+1 >= len(src) || src[end] != '.' || !isIdentStartByte(src[end+1]) {
		return false
	}
	word := src[start:end]
	return strings.HasPrefix(word, "aws_") || slices.Contains(hclReferenceRoots, word)
}

// referenceEnd extends a traversal over .attr and [index] steps.
func referenceEnd(src string, i int) int {
	for i < len(src) {
		switch {
		case src[i] == '.' && i+1 < len(src) && (isIdentStartByte(src[i+1]) || src[i+1] == '*'):
			i = scanIdentEnd(src, i+1)
			if src[i-1] == '.' { // the splat: "*" is not an identifier byte
				i++
			}
		case src[i] == '[':
			end := strings.IndexByte(src[i:], ']')
			if end < 0 || strings.ContainsAny(src[i:i+end], "\n\"") {
				return i
			}
			i += end + 1
		default:
			return i
		}
	}
	return i
}

// startsAttribute tells whether what follows an identifier at the start of
// a line makes it an attribute (name =) or a nested block (name {).
func startsAttribute(rest string) bool {
	rest = strings.TrimLeft(rest, " \t")
	return (strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==")) || strings.HasPrefix(rest, "{")
}

// highlightYAML marks up CloudFormation YAML as goccy/go-yaml writes it:
// keys, tags (!Ref, !Sub, ...) and the logical IDs they name, quoted
// strings with ${...} parts, numbers, literals, comments and block
// scalars. Like highlightHCL, anything it does not recognise stays plain.
func highlightYAML(src string) template.HTML {
	h := &highlighter{}
	lines := strings.Split(src, "\n")
	blockIndent := -1   // indentation of the key that opened a block scalar
	dependsIndent := -1 // indentation of a DependsOn key with a list value
	for n, line := range lines {
		if n > 0 {
			h.text("\n")
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if blockIndent >= 0 {
			if strings.TrimSpace(line) == "" || indent > blockIndent {
				h.span(classString, line)
				continue
			}
			blockIndent = -1
		}
		h.text(line[:indent])
		rest := line[indent:]
		// The items of a DependsOn list are logical IDs.
		if dependsIndent >= 0 && (indent < dependsIndent || !strings.HasPrefix(rest, "- ")) {
			dependsIndent = -1
		}
		reference := dependsIndent >= 0
		// Sequence markers.
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			h.text(rest[:min(2, len(rest))])
			indent += min(2, len(rest))
			rest = rest[min(2, len(rest)):]
		}
		if strings.HasPrefix(rest, "#") {
			h.span(classComment, rest)
			continue
		}
		if key, ok := yamlKey(rest); ok {
			class := classAttr
			if indent == 0 {
				class = classLabel // a logical ID (the blocks are dedented)
			}
			h.span(class, key)
			h.text(":")
			rest = rest[len(key)+1:]
			if v := strings.TrimSpace(rest); v == "|" || v == ">" || strings.HasPrefix(v, "|-") || strings.HasPrefix(v, "|+") || strings.HasPrefix(v, ">-") || strings.HasPrefix(v, ">+") {
				h.text(rest)
				blockIndent = indent
				continue
			}
			if strings.TrimSpace(key) == "Type" && strings.HasPrefix(strings.TrimSpace(rest), "AWS::") {
				v := strings.TrimLeft(rest, " ")
				h.text(rest[:len(rest)-len(v)])
				h.span(classType, v)
				continue
			}
			if key == "DependsOn" {
				if strings.TrimSpace(rest) == "" {
					dependsIndent = indent
				} else {
					reference = true
				}
			}
		}
		yamlValue(h, rest, reference)
	}
	return h.html()
}

// yamlKey returns the key of a "key: value" or "key:" line, if it is one.
func yamlKey(s string) (string, bool) {
	if s == "" || strings.ContainsRune("'\"!&*[{#|>%@`", rune(s[0])) {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '#':
			if i > 0 && s[i-1] == ' ' {
				return "", false
			}
		case ':':
			if i+1 == len(s) || s[i+1] == ' ' {
				return s[:i], i > 0
			}
		}
	}
	return "", false
}

// yamlValue marks up a flow value: tags, quoted strings, numbers,
// literals and comments; [ ] { } , stay plain. With reference, its first
// plain scalar is a logical ID (a DependsOn value).
func yamlValue(h *highlighter, s string, reference bool) {
	afterRef := reference // the next scalar is the target of !Ref or !GetAtt
	depth := 0            // flow collection nesting: [ ] and { }
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '[' || c == '{':
			depth++
			h.text(s[i : i+1])
			i++
			continue
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
			h.text(s[i : i+1])
			i++
			continue
		case c == ' ' || c == ',':
			h.text(s[i : i+1])
			i++
			continue
		case c == '#' && (i == 0 || s[i-1] == ' '):
			h.span(classComment, s[i:])
			return
		case c == '\'':
			i += h.quoted(s[i:], false, true)
		case c == '"':
			i += h.quoted(s[i:], true, true)
		case c == '!':
			end := scalarEnd(s, i)
			tag := s[i:end]
			h.span(classTag, tag)
			afterRef = tag == "!Ref" || tag == "!GetAtt"
			i = end
			continue
		default:
			end := scalarEnd(s, i)
			if depth == 0 && !afterRef {
				// Outside [ ] and { } a plain scalar runs to the end of
				// the line or to a comment: "Lets VPC Flow Logs ...".
				end = len(s)
				if c := strings.Index(s[i:], " #"); c >= 0 {
					end = i + c
				}
				end = i + len(strings.TrimRight(s[i:end], " "))
			}
			word := s[i:end]
			switch {
			case afterRef:
				h.span(classRef, word)
			case isYAMLNumber(word):
				h.span(classNumber, word)
			case word == "true" || word == "false" || word == "null":
				h.span(classKeyword, word)
			default:
				h.text(word)
			}
			i = end
		}
		afterRef = false
	}
}

// scalarEnd finds the end of a plain scalar or tag starting at s[i]: the
// next space, comma or bracket (in a flow collection those end a scalar;
// in block context goccy quotes values that contain them).
func scalarEnd(s string, i int) int {
	end := strings.IndexAny(s[i:], " ,[]{}")
	if end < 0 {
		return len(s)
	}
	if end == 0 {
		return i + 1
	}
	return i + end
}

func isYAMLNumber(s string) bool {
	if s == "" {
		return false
	}
	dots := 0
	for i := 0; i < len(s); i++ {
		switch {
		case isDigitByte(s[i]):
		case s[i] == '.' && i > 0:
			dots++
		case s[i] == '-' && i == 0 && len(s) > 1:
		default:
			return false
		}
	}
	return dots <= 1
}

func scanLineEnd(s string, i int) int {
	if end := strings.IndexByte(s[i:], '\n'); end >= 0 {
		return i + end
	}
	return len(s)
}

func scanIdentEnd(s string, i int) int {
	for i < len(s) && isIdentByte(s[i]) {
		i++
	}
	return i
}

func isDigitByte(c byte) bool      { return c >= '0' && c <= '9' }
func isIdentStartByte(c byte) bool { return c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z') }
func isIdentByte(c byte) bool      { return isIdentStartByte(c) || isDigitByte(c) || c == '-' }
