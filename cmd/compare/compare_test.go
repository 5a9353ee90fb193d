package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	asgspotcmd "github.com/scaffold-iac/scaffold/cmd/asgspot"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	fanoutcmd "github.com/scaffold-iac/scaffold/cmd/fanout"
	vpccmd "github.com/scaffold-iac/scaffold/cmd/vpc"
)

func runCompare(t *testing.T, args ...string) (string, error) {
	t.Helper()
	io, out, _ := cmdutil.TestIOStreams()
	cmd := NewCmdCompare(&cmdutil.Factory{IO: io}, []cmdutil.Blueprint{vpccmd.Blueprint(), fanoutcmd.Blueprint(), asgspotcmd.Blueprint()})
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String(), err
}

func TestViews(t *testing.T) {
	out, err := runCompare(t, "vpc", "--azs", "1", "--width", "100")
	if err != nil || !strings.Contains(out, "── VPC (vpc) ") || !strings.Contains(out, "resources: 19 Terraform, 19 CloudFormation") {
		t.Fatalf("terminal view: %v\n%s", err, out)
	}
	out, err = runCompare(t, "fanout", "--queues", "a,b", "--markdown")
	if err != nil || !strings.Contains(out, "<th>Terraform</th><th>CloudFormation</th>") {
		t.Fatalf("markdown view: %v\n%s", err, out)
	}
	page := filepath.Join(t.TempDir(), "c.html")
	if _, err := runCompare(t, "asg-spot", "--html", page); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(page); err != nil || !strings.Contains(string(data), `data-component="autoscaling_group"`) {
		t.Fatalf("html page: %v", err)
	}
	out, err = runCompare(t, "--mapping")
	if err != nil || !strings.Contains(out, "AWS::SQS::Queue") {
		t.Fatalf("mapping: %v", err)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{}, "compare needs a blueprint (vpc, fanout, asg-spot) or --mapping"},
		{[]string{"--mapping", "--html", "x.html"}, "--mapping prints to the terminal (or --markdown); --html is for a blueprint comparison"},
		{[]string{"vpc", "--width", "20"}, `invalid value "20" for --width: at least 60 columns`},
		{[]string{"vpc", "--azs", "9"}, `invalid value "9" for --azs`},
	}
	for _, tt := range tests {
		_, err := runCompare(t, tt.args...)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("compare %q: error %v, want %q", tt.args, err, tt.want)
		}
	}
}
