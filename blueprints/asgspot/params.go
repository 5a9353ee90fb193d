// Package asgspot builds the Auto Scaling blueprint: a web tier of EC2
// instances in private subnets behind an Application Load Balancer, mixing
// an On-Demand base with Spot capacity across several instance types,
// scaled on CPU, deployed with CodeDeploy. It composes the vpc blueprint for
// the network rather than copying it.
package asgspot

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
)

// SpotStrategies are the Spot allocation strategies offered, sorted.
func SpotStrategies() []string {
	return []string{"capacity-optimized", "lowest-price", "price-capacity-optimized"}
}

// DeploymentConfigs are CodeDeploy's predefined EC2 deployment configs.
func DeploymentConfigs() []string { return []string{"AllAtOnce", "HalfAtATime", "OneAtATime"} }

// Params are the blueprint's inputs. Start from Defaults.
type Params struct {
	// Network holds the VPC part: name, region, zones, CIDR, NAT, tags.
	Network          vpc.Params
	InstanceTypes    []string
	OnDemandBase     int
	OnDemandPercent  int
	SpotStrategy     string
	Min, Max         int
	Desired          int
	TargetCPU        int
	Schedules        []string
	CertificateARN   string
	DeploymentConfig string
	// HealthCheckGrace is the seconds a new instance has before health
	// checks count.
	HealthCheckGrace int
	// RootVolumeGiB is the encrypted gp3 root volume size.
	RootVolumeGiB int
	// ArtifactBucket, when set, is the S3 bucket CodeDeploy revisions come
	// from; the instances may read objects from it and nothing else.
	ArtifactBucket string
}

// Defaults returns the parameters `scaffold asg-spot` uses without flags:
// a small but diverse Spot pool, one On-Demand instance as a floor.
func Defaults() Params {
	network := vpc.Defaults()
	return Params{
		Network:          network,
		InstanceTypes:    []string{"m5.large", "m5a.large", "m6i.large"},
		OnDemandBase:     1,
		OnDemandPercent:  20,
		SpotStrategy:     "price-capacity-optimized",
		Min:              2,
		Max:              6,
		Desired:          2,
		TargetCPU:        60,
		DeploymentConfig: "OneAtATime",
		HealthCheckGrace: 300,
		RootVolumeGiB:    20,
	}
}

var bucketName = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

var certificateARN = regexp.MustCompile(`^arn:aws[a-z-]*:acm:([a-z0-9-]+):[0-9]{12}:certificate/[A-Za-z0-9-]+$`)

// Validate checks every parameter, the network's included, and reports
// all problems at once.
func (p Params) Validate() error {
	var errs []error
	if err := p.Network.Validate(); err != nil {
		errs = append(errs, err)
	}
	add := func(param, value, reason string) {
		errs = append(errs, &blueprints.ParamError{Param: param, Value: value, Reason: reason})
	}
	// An Application Load Balancer needs subnets in at least two zones.
	if p.Network.AZs == 1 {
		add("azs", "1", "an Application Load Balancer needs at least 2 Availability Zones")
	}
	// Instances install nginx and the CodeDeploy agent at first boot; with
	// no NAT gateway they cannot reach the package repositories or AWS APIs.
	if p.Network.NAT == vpc.NATNone {
		add("nat", string(vpc.NATNone), "instances in private subnets need a NAT gateway to install packages and reach SSM and CodeDeploy; use single or per-az")
	}
	if p.ArtifactBucket != "" && !bucketName.MatchString(p.ArtifactBucket) {
		add("artifact-bucket", p.ArtifactBucket, "want an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens")
	}
	itoa := strconv.Itoa
	switch {
	case len(p.InstanceTypes) < 1 || len(p.InstanceTypes) > 20:
		add("instance-types", strings.Join(p.InstanceTypes, ","), "give 1 to 20 instance types, comma-separated")
	default:
		if _, err := ParseInstanceTypes(p.InstanceTypes); err != nil {
			add("instance-types", strings.Join(p.InstanceTypes, ","), err.Error())
		}
	}
	if p.Min < 0 || p.Max < 1 || p.Max > 1000 {
		add("max", itoa(p.Max), "must be between 1 and 1000")
	}
	if p.Min > p.Max {
		add("min", itoa(p.Min), fmt.Sprintf("is above --max %d", p.Max))
	} else if p.Min < 0 {
		add("min", itoa(p.Min), "must not be negative")
	}
	if p.Desired < p.Min || p.Desired > p.Max {
		add("desired", itoa(p.Desired), fmt.Sprintf("must be between --min %d and --max %d", p.Min, p.Max))
	}
	if p.OnDemandBase < 0 || p.OnDemandBase > p.Max {
		add("on-demand-base", itoa(p.OnDemandBase), fmt.Sprintf("must be between 0 and --max %d", p.Max))
	}
	if p.OnDemandPercent < 0 || p.OnDemandPercent > 100 {
		add("on-demand-percent", itoa(p.OnDemandPercent), "must be between 0 and 100")
	}
	if !slices.Contains(SpotStrategies(), p.SpotStrategy) {
		add("spot-strategy", p.SpotStrategy, "must be one of "+strings.Join(SpotStrategies(), ", "))
	}
	if p.TargetCPU < 10 || p.TargetCPU > 90 {
		add("target-cpu", itoa(p.TargetCPU), "must be a percentage between 10 and 90")
	}
	names := map[string]bool{}
	for _, text := range p.Schedules {
		s, err := ParseSchedule(text)
		switch {
		case err != nil:
			add("schedule", text, err.Error())
		case names[s.Name]:
			add("schedule", text, fmt.Sprintf("a schedule named %q is given twice", s.Name))
		case s.Desired < p.Min || s.Desired > p.Max:
			add("schedule", text, fmt.Sprintf("desired %d is outside --min %d and --max %d", s.Desired, p.Min, p.Max))
		}
		names[s.Name] = true
	}
	if p.CertificateARN != "" {
		match := certificateARN.FindStringSubmatch(p.CertificateARN)
		switch {
		case match == nil:
			add("certificate-arn", p.CertificateARN, "want an ACM certificate ARN such as arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab")
		case match[1] != p.Network.Region:
			add("certificate-arn", p.CertificateARN, fmt.Sprintf("the certificate is in %s, but a load balancer needs one in its own region (%s)", match[1], p.Network.Region))
		}
	}
	if !slices.Contains(DeploymentConfigs(), p.DeploymentConfig) {
		add("deployment-config", p.DeploymentConfig, "must be one of "+strings.Join(DeploymentConfigs(), ", "))
	}
	if p.HealthCheckGrace < 0 || p.HealthCheckGrace > 7200 {
		add("health-check-grace", itoa(p.HealthCheckGrace), "must be between 0 and 7200 seconds")
	}
	if p.RootVolumeGiB < 8 || p.RootVolumeGiB > 16384 {
		add("root-volume", itoa(p.RootVolumeGiB), "must be between 8 and 16384 GiB")
	}
	return errors.Join(errs...)
}

// Warnings returns advice that does not stop generation.
func (p Params) Warnings() []string {
	warnings := p.Network.Warnings()
	spot := SplitAt(p.Max, p.OnDemandBase, p.OnDemandPercent).Spot > 0
	if spot && len(p.InstanceTypes) == 1 {
		warnings = append(warnings, "--instance-types: one type gives Spot a single capacity pool per zone; list several similar types so interruptions and shortages hit fewer instances")
	}
	return warnings
}

// architecture of the validated instance types.
func (p Params) architecture() Architecture { return architectureOf(p.InstanceTypes) }
