package asgspot

import (
	"slices"
	"testing"

	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

func TestFlagsToOptions(t *testing.T) {
	io, _, _ := cmdutil.TestIOStreams()
	var got *ASGSpotOptions
	cmd := NewCmdASGSpot(&cmdutil.Factory{IO: io}, func(o *ASGSpotOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--azs", "3", "--nat", "single", "--endpoints", "none", "--instance-types", "m7g.large,c7g.large",
		"--on-demand-base", "2", "--on-demand-percent", "30", "--spot-strategy", "capacity-optimized", "--min", "2", "--max", "9",
		"--desired", "3", "--target-cpu", "55", "--schedule", "a=0 8 * * *:desired=4", "--certificate-arn", "arn:x",
		"--deployment-config", "AllAtOnce", "--health-check-grace", "120", "--root-volume", "30", "--artifact-bucket", "b-1"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	p := got.Params
	if p.Network.AZs != 3 || p.Network.NAT != vpc.NATSingle || len(p.Network.Endpoints) != 0 ||
		!slices.Equal(p.InstanceTypes, []string{"m7g.large", "c7g.large"}) || p.OnDemandBase != 2 || p.OnDemandPercent != 30 ||
		p.SpotStrategy != "capacity-optimized" || p.Min != 2 || p.Max != 9 || p.Desired != 3 || p.TargetCPU != 55 ||
		!slices.Equal(p.Schedules, []string{"a=0 8 * * *:desired=4"}) || p.CertificateARN != "arn:x" || p.DeploymentConfig != "AllAtOnce" ||
		p.HealthCheckGrace != 120 || p.RootVolumeGiB != 30 || p.ArtifactBucket != "b-1" {
		t.Errorf("params = %+v", p)
	}
}
