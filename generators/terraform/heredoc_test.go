package terraform

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// TestBase64Heredoc renders user data at several depths and reads it back
// with HCL: whichever form the generator picks, the value must be the text,
// byte for byte, and the file must already be formatted. The cases pin
// which texts get a heredoc and which fall back to a quoted string.
func TestBase64Heredoc(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		heredoc bool
	}{
		{"script", "#!/bin/bash\nset -e\n  indented\n\ttabbed\n", true},
		{"blank and whitespace-only lines", "a\n\n   \n\t\nb\n", true},
		{"template introducers stay text", "echo ${HOME} %{if} $${x} %%{y} 100% $\n$\n", true},
		{"backslashes and quotes", "printf \"%s\\n\" x\n\\\n", true},
		{"text that is not ASCII", "echo héllo\n日本\n", true},
		{"the marker inside a line", "echo EOT\nEOTX\n", true},
		{"one line", "echo hi\n", false},
		{"no final newline", "a\nb", false},
		{"a line that is the marker", "a\n  EOT\nb\n", false},
		{"no line in column 0", "  a\n  b\n", false},
		{"carriage returns", "a\r\nb\r\n", false},
		{"a combining mark at a line start", "a\n\u0301b\n", false},
	}
	r := newTestRenderer(t)
	for _, tt := range tests {
		for _, depth := range []int{1, 3} {
			t.Run(fmt.Sprintf("%s/depth %d", tt.name, depth), func(t *testing.T) {
				file := hclwrite.NewEmptyFile()
				body := file.Body()
				for i := 0; i < depth; i++ {
					body = body.AppendNewBlock("block", nil).Body()
				}
				if err := r.setAttribute(body, depth, "user_data", graph.Base64{Value: graph.String(tt.text)}); err != nil {
					t.Fatalf("setAttribute: %v", err)
				}
				content := file.Bytes()
				if got := bytes.Contains(content, []byte("<<-EOT")); got != tt.heredoc {
					t.Errorf("heredoc = %v, want %v:\n%s", got, tt.heredoc, content)
				}
				if formatted := hclwrite.Format(content); !bytes.Equal(formatted, content) {
					t.Errorf("not formatted; the formatter would write:\n%s", formatted)
				}
				parsed, diags := hclsyntax.ParseConfig(content, "user_data.tf", hcl.InitialPos)
				if diags.HasErrors() {
					t.Fatalf("does not parse: %v\n%s", diags, content)
				}
				block := parsed.Body.(*hclsyntax.Body)
				for i := 0; i < depth; i++ {
					block = block.Blocks[0].Body
				}
				call, ok := block.Attributes["user_data"].Expr.(*hclsyntax.FunctionCallExpr)
				if !ok || call.Name != "base64encode" || len(call.Args) != 1 {
					t.Fatalf("user_data is not a base64encode call:\n%s", content)
				}
				value, diags := call.Args[0].Value(nil)
				if diags.HasErrors() {
					t.Fatalf("does not evaluate: %v", diags)
				}
				if got := value.AsString(); got != tt.text {
					t.Errorf("reads back as %q, want %q:\n%s", got, tt.text, content)
				}
			})
		}
	}
}

// TestHeredocLayout pins the indentation: lines one level deeper than the
// argument, the marker level with it, the parenthesis on its own line.
func TestHeredocLayout(t *testing.T) {
	file := hclwrite.NewEmptyFile()
	body := file.Body().AppendNewBlock("resource", []string{"aws_launch_template", "main"}).Body()
	r := newTestRenderer(t)
	if err := r.setAttribute(body, 1, "user_data", graph.Base64{Value: graph.String("#!/bin/bash\n  echo ${x}\n\nexit 0\n")}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		`resource "aws_launch_template" "main" {`,
		`  user_data = base64encode(<<-EOT`,
		`    #!/bin/bash`,
		`      echo $${x}`,
		``,
		`    exit 0`,
		`  EOT`,
		`  )`,
		`}`,
		``,
	}, "\n")
	if got := string(file.Bytes()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
