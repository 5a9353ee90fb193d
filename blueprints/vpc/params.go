// Package vpc builds the multi-AZ VPC blueprint: public, private and
// optional isolated subnets in every zone, an internet gateway, NAT
// gateways, route tables, S3/DynamoDB gateway endpoints, VPC flow logs and a
// locked-down default security group.
//
// Other blueprints that need a network (an Auto Scaling group, a two-region
// pilot light) call AddTo with their own graph instead of copying this code;
// the returned Network names the subnets and route tables they attach to.
package vpc

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/cidr"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// NATMode says how private subnets reach the internet.
type NATMode string

// NAT modes. PerAZ survives the loss of a zone and is the default; Single
// halves the hourly cost of a two-zone lab but makes every zone depend on
// zone a; None gives private subnets no internet route at all.
const (
	NATNone   NATMode = "none"
	NATSingle NATMode = "single"
	NATPerAZ  NATMode = "per-az"
)

// NATModes lists the valid modes, sorted as help text shows them.
func NATModes() []NATMode { return []NATMode{NATNone, NATPerAZ, NATSingle} }

// Endpoints lists the gateway endpoint services the blueprint knows, sorted.
// Gateway endpoints are free, which is why both are on by default.
func Endpoints() []string { return []string{"dynamodb", "s3"} }

// RetentionDays lists the values CloudWatch Logs accepts for retention.
func RetentionDays() []int {
	return []int{1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653}
}

// Params are the blueprint's inputs. Zero values are not defaults: start
// from Defaults.
type Params struct {
	Name     string
	Region   string
	AZs      int
	CIDR     string
	NAT      NATMode
	Isolated bool
	FlowLogs bool
	// FlowLogRetentionDays is the default of the generated retention
	// parameter; it must be one of RetentionDays.
	FlowLogRetentionDays int
	// FlowLogKMSKeyARN, when set, encrypts the flow log group with a
	// customer-managed key whose policy must allow CloudWatch Logs.
	FlowLogKMSKeyARN string
	// Endpoints names the gateway endpoints to create; see Endpoints.
	Endpoints []string
	// Tags are added to every resource, after the blueprint's own tags.
	Tags []graph.Tag
	// CIDRParameter makes the VPC block a deploy-time parameter,
	// CIDRParam, whose default is CIDR, and cuts every subnet from it at
	// deploy time in the grid's positions. One rendered template then
	// serves deployments that differ only in their block, such as a lab's
	// students. The prefix length stays CIDR's, because the grid is
	// planned for it; the parameter's pattern enforces that.
	CIDRParameter bool
}

// Defaults returns the parameters `scaffold vpc` uses without flags.
func Defaults() Params {
	return Params{
		Name:                 "lab",
		Region:               "us-east-1",
		AZs:                  2,
		CIDR:                 "10.0.0.0/16",
		NAT:                  NATPerAZ,
		FlowLogs:             true,
		FlowLogRetentionDays: 90,
		Endpoints:            []string{"s3", "dynamodb"},
	}
}

// kmsKeyARN matches a key ARN (not an alias: CloudWatch Logs needs the
// key itself) and captures its region.
var kmsKeyARN = regexp.MustCompile(`^arn:aws[a-z-]*:kms:([a-z0-9-]+):[0-9]{12}:key/[A-Za-z0-9-]+$`)

// Validate checks every parameter and reports all problems at once, each
// as a *blueprints.ParamError naming the parameter.
func (p Params) Validate() error {
	var errs []error
	add := func(param, value, reason string) {
		errs = append(errs, &blueprints.ParamError{Param: param, Value: value, Reason: reason})
	}
	if err := blueprints.ValidateName(p.Name); err != nil {
		errs = append(errs, err)
	}
	zones, known := regions.AZCount(p.Region)
	if !known {
		reason := "unknown region"
		if near := regions.Closest(p.Region); near != "" {
			reason += fmt.Sprintf(" (did you mean %s?)", near)
		}
		add("region", p.Region, reason+"; known regions: "+strings.Join(regions.Names(), ", "))
	} else if p.AZs < 1 || p.AZs > zones {
		add("azs", strconv.Itoa(p.AZs), fmt.Sprintf("%s has %d Availability Zones; use 1 to %d", p.Region, zones, zones))
	}
	if prefix, err := cidr.ParseVPC(p.CIDR); err != nil {
		add("cidr", p.CIDR, err.Error())
	} else if plan, err := cidr.NewPlan(prefix); err != nil {
		add("cidr", p.CIDR, err.Error())
	} else if known && p.AZs >= 1 && p.AZs <= zones && p.AZs > plan.AZSlots {
		add("azs", strconv.Itoa(p.AZs), fmt.Sprintf("a /%d VPC has room for %d zones per tier; use a /%d or larger --cidr", prefix.Bits(), plan.AZSlots, prefix.Bits()-1))
	}
	if !slices.Contains(NATModes(), p.NAT) {
		add("nat", string(p.NAT), "must be one of "+joinModes(NATModes()))
	}
	if p.FlowLogs && !slices.Contains(RetentionDays(), p.FlowLogRetentionDays) {
		add("flow-log-retention", strconv.Itoa(p.FlowLogRetentionDays), "CloudWatch Logs accepts "+joinInts(RetentionDays()))
	}
	if p.FlowLogKMSKeyARN != "" {
		match := kmsKeyARN.FindStringSubmatch(p.FlowLogKMSKeyARN)
		switch {
		case match == nil:
			add("flow-log-kms-key", p.FlowLogKMSKeyARN, "want a KMS key ARN such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab")
		case match[1] != p.Region:
			add("flow-log-kms-key", p.FlowLogKMSKeyARN, fmt.Sprintf("the key is in %s, but a log group can only use a key in its own region (%s)", match[1], p.Region))
		}
	}
	seen := map[string]bool{}
	for _, e := range p.Endpoints {
		switch {
		case !slices.Contains(Endpoints(), e):
			add("endpoints", e, "must be one of "+strings.Join(Endpoints(), ", ")+" (or none)")
		case seen[e]:
			add("endpoints", e, "is listed twice")
		}
		seen[e] = true
	}
	return errors.Join(errs...)
}

// Warnings returns advice that does not stop generation, such as a VPC
// block outside the private ranges.
func (p Params) Warnings() []string {
	var warnings []string
	if prefix, err := cidr.ParseVPC(p.CIDR); err == nil && !cidr.IsRFC1918(prefix) {
		warnings = append(warnings, fmt.Sprintf("--cidr %s is not a private (RFC 1918) range; addresses in it may clash with internet hosts your instances need to reach", p.CIDR))
	}
	if p.NAT == NATSingle && p.AZs > 1 {
		warnings = append(warnings, "--nat single: private subnets in every zone lose internet access if zone a fails")
	}
	return warnings
}

func joinModes(modes []NATMode) string {
	names := make([]string, len(modes))
	for i, m := range modes {
		names[i] = string(m)
	}
	return strings.Join(names, ", ")
}

func joinInts(values []int) string {
	names := make([]string, len(values))
	for i, v := range values {
		names[i] = strconv.Itoa(v)
	}
	return strings.Join(names, ", ")
}
