package vpc

import (
	"slices"
	"testing"

	blueprint "github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

func TestFlagsToOptions(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, o *VPCOptions)
	}{
		{"defaults", []string{}, func(t *testing.T, o *VPCOptions) {
			want := blueprint.Defaults()
			p := o.Params
			if p.Name != want.Name || p.Region != want.Region || p.AZs != want.AZs || p.CIDR != want.CIDR ||
				p.NAT != want.NAT || p.Isolated || !p.FlowLogs || !slices.Equal(p.Endpoints, want.Endpoints) {
				t.Errorf("params = %+v, want defaults %+v", p, want)
			}
			if o.Output.Format != "both" || o.Output.Out != "" || o.Output.DryRun || o.Output.Force || o.Output.AssumeGB != 0 || o.Output.CI {
				t.Errorf("output = %+v", o.Output)
			}
		}},
		{"everything", []string{"--name", "shop", "--region", "eu-west-1", "--azs", "3", "--cidr", "10.9.0.0/16",
			"--nat", "single", "--isolated-subnets", "--flow-logs", "off", "--endpoints", "s3", "--tag", "a=b", "--tag", "c=d",
			"--format", "terraform", "--out", "x", "--force", "--dry-run", "--assume-gb", "12.5", "--ci"}, func(t *testing.T, o *VPCOptions) {
			p := o.Params
			if p.Name != "shop" || p.Region != "eu-west-1" || p.AZs != 3 || p.CIDR != "10.9.0.0/16" || p.NAT != blueprint.NATSingle ||
				!p.Isolated || p.FlowLogs || !slices.Equal(p.Endpoints, []string{"s3"}) {
				t.Errorf("params = %+v", p)
			}
			if !slices.Equal(o.Output.Tags, []string{"a=b", "c=d"}) || o.Output.Format != "terraform" || o.Output.Out != "x" || !o.Output.Force || !o.Output.DryRun || o.Output.AssumeGB != 12.5 || !o.Output.CI {
				t.Errorf("output = %+v", o.Output)
			}
		}},
		{"no endpoints", []string{"--endpoints", "none"}, func(t *testing.T, o *VPCOptions) {
			if len(o.Params.Endpoints) != 0 {
				t.Errorf("endpoints = %v", o.Params.Endpoints)
			}
		}},
		{"flow logs on", []string{"--flow-logs", "on"}, func(t *testing.T, o *VPCOptions) {
			if !o.Params.FlowLogs {
				t.Error("flow logs off")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _ := cmdutil.TestIOStreams()
			var got *VPCOptions
			cmd := NewCmdVPC(&cmdutil.Factory{IO: io}, func(o *VPCOptions) error { got = o; return nil })
			cmd.SetArgs(tt.args)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, got)
		})
	}
}
