package compare

import (
	"bytes"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

type htmlCase struct {
	name string
	// golden names the file under testdata/ that holds the expected page;
	// the cases without one only take part in the structural checks.
	golden string
	build  func() (*graph.Graph, error)
}

func htmlCases() []htmlCase {
	return []htmlCase{
		{"vpc 1 AZ", "vpc-1az.html", func() (*graph.Graph, error) {
			p := vpc.Defaults()
			p.AZs = 1
			return vpc.Build(p)
		}},
		{"fanout defaults", "fanout.html", func() (*graph.Graph, error) {
			return fanout.Build(fanout.Defaults())
		}},
		{"vpc 3 AZs isolated", "", func() (*graph.Graph, error) {
			p := vpc.Defaults()
			p.AZs = 3
			p.Isolated = true
			return vpc.Build(p)
		}},
		{"fanout kms alarms", "", func() (*graph.Graph, error) {
			p := fanout.Defaults()
			p.Queues = []string{"a", "b"}
			p.KMS = true
			p.AlarmEmail = "ops@example.com"
			return fanout.Build(p)
		}},
		{"asg-spot defaults", "", func() (*graph.Graph, error) {
			return asgspot.Build(asgspot.Defaults())
		}},
	}
}

func renderCase(t *testing.T, tc htmlCase) (*Comparison, []byte) {
	t.Helper()
	g, err := tc.build()
	if err != nil {
		t.Fatalf("building the graph: %v", err)
	}
	c, err := Build(g)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	out, err := c.HTML()
	if err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return c, out
}

// TestHTMLGolden pins the whole page for a small graph of each kind;
// `go test ./compare -update` rewrites the files for review.
func TestHTMLGolden(t *testing.T) {
	for _, tc := range htmlCases() {
		if tc.golden == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			_, got := renderCase(t, tc)
			golden(t, tc.golden, got)
		})
	}
}

// cellPattern matches the opening of a component's cell and what the cell
// starts with: a rendered block or the note that stands in for one.
var cellPattern = regexp.MustCompile(`<div class="cell (terraform|cloudformation)" data-component="([^"]*)" data-side="([a-z]+)" tabindex="0">\n(<div class="block">|<p class="empty">)`)

// TestHTMLEveryComponentInBothColumns is the page's alignment promise:
// every component has exactly one cell in each column, in the graph's
// order, holding its blocks or the note saying why there are none.
func TestHTMLEveryComponentInBothColumns(t *testing.T) {
	for _, tc := range htmlCases() {
		t.Run(tc.name, func(t *testing.T) {
			c, out := renderCase(t, tc)
			matches := cellPattern.FindAllStringSubmatch(string(out), -1)
			if len(matches) != 2*len(c.Rows) {
				t.Fatalf("%d cells for %d components", len(matches), len(c.Rows))
			}
			for i, r := range c.Rows {
				for k, side := range []struct {
					name   string
					blocks []Block
				}{{"terraform", r.Terraform}, {"cloudformation", r.CloudFormation}} {
					m := matches[2*i+k]
					if m[1] != side.name || m[3] != side.name || m[2] != html.EscapeString(r.ID) {
						t.Errorf("cell %d: got %s/%s for %q, want %s for %q", 2*i+k, m[1], m[3], m[2], side.name, r.ID)
					}
					wantStart := `<div class="block">`
					if len(side.blocks) == 0 {
						wantStart = `<p class="empty">`
					}
					if m[4] != wantStart {
						t.Errorf("%s %s: cell starts with %s, want %s", r.ID, side.name, m[4], wantStart)
					}
					for _, b := range side.blocks {
						if !strings.Contains(string(out), `<div class="address">`+html.EscapeString(b.Address)+`<span class="kind">`) {
							t.Errorf("%s %s: block %s is missing", r.ID, side.name, b.Address)
						}
					}
				}
				if len(r.CloudFormation) == 0 && r.Note != "" && !strings.Contains(string(out), `<p class="empty">`+html.EscapeString(r.Note)+`</p>`) {
					t.Errorf("%s: the note %q is not in the CloudFormation column", r.ID, r.Note)
				}
			}
			blocks := strings.Count(string(out), `<div class="block">`)
			if want := c.Summary.TerraformResources + c.Summary.CloudFormationResources; blocks != want {
				t.Errorf("%d blocks on the page, the files have %d resources", blocks, want)
			}
		})
	}
}

var (
	// urlAttribute matches every attribute that makes a browser load or
	// navigate to a URL.
	urlAttribute = regexp.MustCompile(`(?i)\s(src|href|srcset|action|formaction|poster|data|background|xlink:href|manifest|ping)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	// externalElement matches elements that exist to embed or link other
	// resources; the page needs none of them.
	externalElement = regexp.MustCompile(`(?i)<(link|img|iframe|object|embed|video|audio|source|base|form)\b`)
)

// TestHTMLLoadsNothing checks that the page is self-contained: its only
// URLs are in-page anchors, its CSS imports and fetches nothing, and its
// one script is inline.
func TestHTMLLoadsNothing(t *testing.T) {
	for _, tc := range htmlCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, out := renderCase(t, tc)
			page := string(out)
			for _, m := range urlAttribute.FindAllStringSubmatch(page, -1) {
				value := strings.Trim(m[2], `"'`)
				if m[1] != "href" || !strings.HasPrefix(value, "#") {
					t.Errorf("attribute %s loads or links to %q; only in-page #anchors are allowed", m[1], value)
				}
			}
			for _, m := range externalElement.FindAllString(page, -1) {
				t.Errorf("page has a %s element", m)
			}
			for _, s := range []string{"@import", "url(", "<script src", "http-equiv"} {
				if strings.Contains(page, s) {
					t.Errorf("page contains %q", s)
				}
			}
			// The network is not reached through markup either: the
			// only occurrences of a scheme are inside highlighted code.
			code := regexp.MustCompile(`(?s)<pre><code>.*?</code></pre>`)
			for _, scheme := range []string{"http://", "https://", "//cdn", "fonts.googleapis"} {
				if strings.Contains(code.ReplaceAllString(page, ""), scheme) {
					t.Errorf("page contains %q outside the code", scheme)
				}
			}
			if n := strings.Count(page, "<script"); n != 1 {
				t.Errorf("%d script elements, want the one inline script", n)
			}
		})
	}
}

// TestHTMLEscapes feeds markup through every field the page shows and
// checks that none of it survives as markup.
func TestHTMLEscapes(t *testing.T) {
	evil := func(where string) string {
		return `</code></pre><script>alert("` + where + `")</script><img src=x onerror=alert(1)>"'&`
	}
	c := &Comparison{
		Name: evil("name"), Blueprint: evil("blueprint"), Region: evil("region"),
		Rows: []Row{
			{
				ID: `x"><svg onload=alert(1)>`, Label: evil("label"), Kind: graph.Kind(evil("kind")), Group: evil("group"),
				Terraform: []Block{{Address: evil("tf address"), Type: evil("tf type"), Text: "# " + evil("comment") + "\nresource \"" + evil("label") + "\" \"x\" {\n  a = \"" + evil("string") + "\"\n  b = <<EOT\n" + evil("heredoc") + "\nEOT\n}"}},
				CloudFormation: []Block{{Address: evil("cfn address"), Type: evil("cfn type"),
					Text: "# " + evil("comment") + "\nX:\n  Type: " + evil("type") + "\n  Properties:\n    A: !Sub '" + evil("sub") + "'\n    B: |\n      " + evil("block") + "\n    C: " + evil("plain")}},
				Note: evil("note"),
			},
			{ID: "empty", Label: "empty", Note: evil("empty note")},
		},
		Summary: Summary{
			Uneven:      []string{evil("uneven")},
			Differences: []Difference{{Topic: evil("topic"), Terraform: evil("tf difference"), CloudFormation: evil("cfn difference")}},
		},
	}
	out, err := c.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := string(out)
	for _, bad := range []string{"<img", "<svg", `alert("`, "</code></pre><script"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	if n := strings.Count(page, "<script"); n != 1 {
		t.Errorf("%d script elements, want only the page's own", n)
	}
	// Highlighting may split the text into spans; the words must be there,
	// escaped, once the spans are gone.
	text := spanTag.ReplaceAllString(page, "")
	for _, where := range []string{"name", "label", "kind", "group", "tf address", "tf type", "comment", "string", "heredoc", "cfn address", "cfn type", "type", "sub", "block", "plain", "empty note", "uneven", "topic", "tf difference", "cfn difference"} {
		if !strings.Contains(text, "&lt;script&gt;alert(&#34;"+where+"&#34;)") {
			t.Errorf("the %s is not on the page, escaped", where)
		}
	}
	if !strings.Contains(page, `data-component="x&#34;&gt;&lt;svg onload=alert(1)&gt;"`) {
		t.Errorf("the component ID is not escaped in data-component")
	}
}

// TestHTMLDeterministic renders every case several times from a fresh
// graph each time.
func TestHTMLDeterministic(t *testing.T) {
	for _, tc := range htmlCases() {
		t.Run(tc.name, func(t *testing.T) {
			_, first := renderCase(t, tc)
			for range 3 {
				if _, again := renderCase(t, tc); !bytes.Equal(first, again) {
					t.Fatal("two renders differ")
				}
			}
		})
	}
}

var spanTag = regexp.MustCompile(`<span class="[a-z]+">|</span>`)

// checkHighlight asserts that markup is src, highlighted: the spans are
// balanced and removing them and unescaping gives src back byte for byte.
func checkHighlight(t *testing.T, what, src, markup string) {
	t.Helper()
	if open, closed := strings.Count(markup, "<span"), strings.Count(markup, "</span>"); open != closed {
		t.Errorf("%s: %d <span> for %d </span>", what, open, closed)
	}
	if strings.Count(markup, "<") != len(spanTag.FindAllString(markup, -1)) {
		t.Errorf("%s: markup other than spans: %s", what, markup)
	}
	if got := html.UnescapeString(spanTag.ReplaceAllString(markup, "")); got != src {
		t.Errorf("%s: highlighting changed the text:\n got: %q\nwant: %q", what, got, src)
	}
}

// TestHighlightKeepsText runs both tokenizers over every block the
// generators produce for the cases.
func TestHighlightKeepsText(t *testing.T) {
	for _, tc := range htmlCases() {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := renderCase(t, tc)
			for _, r := range c.Rows {
				for _, b := range r.Terraform {
					checkHighlight(t, b.Address, b.Text, string(highlightHCL(b.Text)))
				}
				for _, b := range r.CloudFormation {
					checkHighlight(t, b.Address, b.Text, string(highlightYAML(b.Text)))
				}
			}
		})
	}
}

func TestHighlightTokens(t *testing.T) {
	span := func(class, text string) string { return `<span class="` + class + `">` + text + `</span>` }
	tests := []struct {
		name      string
		highlight func(string) string
		src       string
		want      []string
	}{
		{
			name:      "hcl",
			highlight: func(s string) string { return string(highlightHCL(s)) },
			src: `# VPC
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  vpc_id     = aws_vpc.main.id
  zone       = data.aws_availability_zones.available.names[0]
  enabled    = true
  retention  = 90
  name       = "${var.name}-igw"
  policy     = jsonencode({})
  // line comment
  user_data = <<-EOT
    #!/bin/bash
  EOT
  tags {
  }
}`,
			want: []string{
				span("c", "# VPC"),
				span("k", "resource"),
				span("ty", "&#34;aws_vpc&#34;"),
				span("lbl", "&#34;main&#34;"),
				span("a", "cidr_block"),
				span("s", "&#34;10.0.0.0/16&#34;"),
				span("r", "aws_vpc.main.id"),
				span("r", "data.aws_availability_zones.available.names[0]"),
				span("k", "true"),
				span("n", "90"),
				span("s", "&#34;"+span("i", "${var.name}")+"-igw&#34;"),
				span("f", "jsonencode"),
				span("c", "// line comment"),
				span("s", "&lt;&lt;-EOT\n    #!/bin/bash\n  EOT"),
				span("a", "tags"),
			},
		},
		{
			name:      "yaml",
			highlight: func(s string) string { return string(highlightYAML(s)) },
			src: `# VPC
Vpc:
  Type: AWS::EC2::VPC
  Properties:
    VpcId: !Ref Vpc
    Arn: !GetAtt Role.Arn
    Zone: !Select [0, !GetAZs '']
    Name: !Sub '${Name}-igw'
    Port: 443
    Enabled: true
    Description: Lets 2 services talk # why
    Tags:
      - Key: Name
    Script: |
      #!/bin/bash
      key: not a key
    After: "a\"b"
  DependsOn: Gateway
Other:
  DependsOn:
    - First
    - Second
  Type: AWS::S3::Bucket`,
			want: []string{
				span("c", "# VPC"),
				span("lbl", "Vpc"),
				span("ty", "AWS::EC2::VPC"),
				span("a", "Properties"),
				span("t", "!Ref") + " " + span("r", "Vpc"),
				span("t", "!GetAtt") + " " + span("r", "Role.Arn"),
				span("t", "!Select") + " [" + span("n", "0") + ", " + span("t", "!GetAZs") + " " + span("s", "&#39;&#39;") + "]",
				span("s", "&#39;"+span("i", "${Name}")+"-igw&#39;"),
				span("n", "443"),
				span("k", "true"),
				": Lets 2 services talk " + span("c", "# why"),
				"- " + span("a", "Key"),
				span("s", "      #!/bin/bash") + "\n" + span("s", "      key: not a key"),
				span("a", "After") + ": " + span("s", `&#34;a\&#34;b&#34;`),
				span("a", "DependsOn") + ": " + span("r", "Gateway"),
				"- " + span("r", "First") + "\n    - " + span("r", "Second") + "\n  " + span("a", "Type"),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.highlight(tt.src)
			checkHighlight(t, tt.name, tt.src, got)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("missing %s in\n%s", w, got)
				}
			}
		})
	}
}

// FuzzHighlight checks that neither tokenizer loses, adds or leaves
// unescaped a single byte, whatever the input.
func FuzzHighlight(f *testing.F) {
	for _, s := range []string{
		"resource \"aws_vpc\" \"main\" {\n  a = \"${var.x}\"\n}",
		"X:\n  Type: AWS::S3::Bucket\n  Properties:\n    A: !Sub 'x${Y}'\n    B: |\n      text\n",
		"a = <<EOT\nx\n", "'unterminated", "\"a\\", "<<-", "k: [a, {b: c}]", "x.", "aws_x.y[", "/* open",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		// html/template replaces invalid UTF-8 and NUL, so byte-for-byte
		// preservation is only promised for valid text; such inputs are
		// out of the property's domain rather than skipped results.
		if !utf8.ValidString(src) || strings.ContainsRune(src, 0) {
			return
		}
		checkHighlight(t, "hcl", src, string(highlightHCL(src)))
		checkHighlight(t, "yaml", src, string(highlightYAML(src)))
	})
}

func TestHangingIndent(t *testing.T) {
	in := `<span class="a">x:</span>` + "\n" + `  - <span class="s">"multi` + "\n" + `    line"</span> y` + "\n" + `z`
	got := string(hangingIndent(template.HTML(in)))
	want := `<span class="ln" style="--i:0"><span class="a">x:</span>` + "\n</span>" +
		`<span class="ln" style="--i:4">  - <span class="s">"multi</span>` + "\n</span>" +
		`<span class="ln" style="--i:4"><span class="s">    line"</span> y` + "\n</span>" +
		`<span class="ln" style="--i:0">z</span>`
	if got != want {
		t.Errorf("hangingIndent:\n got %q\nwant %q", got, want)
	}
	if stripTags(got) != stripTags(in) {
		t.Errorf("the text changed: %q", stripTags(got))
	}
	if strings.Count(got, "<span") != strings.Count(got, "</span>") {
		t.Errorf("unbalanced spans: %s", got)
	}
}
