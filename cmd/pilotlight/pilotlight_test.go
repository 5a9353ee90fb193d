package pilotlight

import (
	"os"
	"strings"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/generators"
	"github.com/scaffold-iac/scaffold/generators/cloudformation"
	"github.com/scaffold-iac/scaffold/generators/terraform"
)

func TestFlagsToOptions(t *testing.T) {
	io, _, _ := cmdutil.TestIOStreams()
	var got *PilotLightOptions
	cmd := NewCmdPilotLight(&cmdutil.Factory{IO: io}, func(o *PilotLightOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--name", "shop", "--primary-region", "eu-west-1", "--dr-region", "eu-central-1", "--azs", "3",
		"--primary-cidr", "10.10.0.0/16", "--dr-cidr", "10.20.0.0/16", "--dr-nat", "per-az", "--db-engine", "mysql",
		"--db-engine-version", "8.4", "--db-instance-class", "db.r6g.large", "--db-storage", "50", "--backup-retention", "14",
		"--instance-type", "m6i.large", "--min", "3", "--max", "9", "--desired", "4", "--hosted-zone-id", "Z123", "--domain", "shop.example.com"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	p := got.Params
	if p.Name != "shop" || p.PrimaryRegion != "eu-west-1" || p.DRRegion != "eu-central-1" || p.AZs != 3 || p.PrimaryCIDR != "10.10.0.0/16" ||
		p.DRCIDR != "10.20.0.0/16" || p.DRNAT != vpc.NATPerAZ || p.Engine != "mysql" || p.EngineVersion != "8.4" ||
		p.InstanceClass != "db.r6g.large" || p.StorageGiB != 50 || p.BackupRetentionDays != 14 || p.InstanceType != "m6i.large" ||
		p.Min != 3 || p.Max != 9 || p.Desired != 4 || p.HostedZoneID != "Z123" || p.Domain != "shop.example.com" {
		t.Errorf("params = %+v", p)
	}
}

// TestBadInput runs the command end to end on bad flags: each fails with a
// one-line error naming the flag, and nothing is written.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"same region", []string{"--dr-region", "us-east-1"}, "--dr-region"},
		{"unknown region", []string{"--primary-region", "us-esat-1"}, "did you mean us-east-1?"},
		{"engine", []string{"--db-engine", "oracle"}, "--db-engine"},
		{"version", []string{"--db-engine-version", "9.6"}, "--db-engine-version"},
		{"class", []string{"--db-instance-class", "db.t2.micro"}, "--db-instance-class"},
		{"zone id", []string{"--hosted-zone-id", "123", "--domain", "app.example.com"}, "--hosted-zone-id"},
		{"domain", []string{"--hosted-zone-id", "Z123", "--domain", "not a domain"}, "--domain"},
		{"zone alone", []string{"--hosted-zone-id", "Z123"}, "--domain"},
		{"ci", []string{"--ci"}, "--ci"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _ := cmdutil.TestIOStreams()
			dir := t.TempDir()
			f := &cmdutil.Factory{IO: io, Generators: []generators.Generator{terraform.New(), cloudformation.New()}}
			cmd := NewCmdPilotLight(f, nil)
			cmd.SetArgs(append(tt.args, "--out", dir+"/out"))
			err := cmd.Execute()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one mentioning %q", err, tt.want)
			}
			if entries, _ := readDir(dir); len(entries) != 0 {
				t.Errorf("wrote %v", entries)
			}
		})
	}
}

func readDir(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, err
}
