// Package pilotlight builds the pilot-light disaster-recovery blueprint: a
// web tier and a Multi-AZ database in a primary region, and in a recovery
// region a cross-region read replica of that database, the same web tier
// standing ready at zero instances, and a replica of the asset bucket;
// Route 53 fails the domain over when a hosted zone is given.
//
// It returns a graph.Bundle, one graph per deployable stack, and composes
// the vpc and asg-spot blueprints rather than copying them. Like every
// blueprint it imports only the model and the blueprint helpers; the
// runbook and READMEs are rendered elsewhere from what it records.
package pilotlight

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/asgspot"
	"github.com/scaffold-iac/scaffold/blueprints/regions"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// Engines are the database engines offered, sorted.
func Engines() []string { return []string{"mysql", "postgres"} }

// EngineVersions lists, per engine, the versions offered, newest first;
// the first is the default. They are full versions because cfn-lint flags
// a bare major version ("17") as deprecated (W3691); they are the newest
// minor releases of each major version in cfn-lint 1.51's RDS data, as RDS
// retires older ones about a year after release (it stopped creating
// PostgreSQL 16.8 and older in May 2026). MySQL 8.0 is left out: its RDS
// standard support ended on 31 July 2026. auto_minor_version_upgrade keeps
// a deployed database patched from there. Checked November 2026.
func EngineVersions(engine string) []string {
	switch engine {
	case "postgres":
		return []string{"17.9", "16.13"}
	case "mysql":
		return []string{"8.4.9"}
	}
	return nil
}

// InstanceClasses are the database instance classes offered, smallest
// first: Graviton burstable classes for labs and small sites, and the
// general-purpose and memory-optimised large sizes for real load. Every
// one supports Multi-AZ, encryption and cross-region read replicas for
// both engines.
func InstanceClasses() []string {
	return []string{"db.t4g.micro", "db.t4g.small", "db.t4g.medium", "db.t4g.large", "db.m6g.large", "db.m7g.large", "db.r6g.large", "db.r7g.large"}
}

// enginePorts are the engines' default ports, which the database security
// group opens to the web instances.
var enginePorts = map[string]int{"postgres": 5432, "mysql": 3306}

// Port returns the engine's port.
func Port(engine string) int { return enginePorts[engine] }

// Params are the blueprint's inputs. Start from Defaults.
type Params struct {
	// Name prefixes every resource name.
	Name string
	// PrimaryRegion serves traffic; DRRegion holds the replica and the
	// standby web tier.
	PrimaryRegion, DRRegion string
	// AZs is the zone count of both VPCs.
	AZs int
	// PrimaryCIDR and DRCIDR are the VPC ranges. They may not overlap, so
	// the two networks can be peered later.
	PrimaryCIDR, DRCIDR string
	// DRNAT is the NAT mode of the recovery VPC: single saves a NAT
	// gateway per extra zone while nothing runs there.
	DRNAT vpc.NATMode
	// Engine, EngineVersion and InstanceClass describe the database;
	// EngineVersion empty means the engine's newest offered version.
	Engine, EngineVersion, InstanceClass string
	// StorageGiB is the database's allocated gp3 storage.
	StorageGiB int
	// BackupRetentionDays keeps automated backups (and point-in-time
	// recovery) this many days; a read replica needs them on its source.
	BackupRetentionDays int
	// InstanceType is the web instances' type; Min, Max and Desired the
	// primary group's capacity (the recovery group starts at zero).
	InstanceType      string
	Min, Max, Desired int
	// HostedZoneID and Domain, given together, add the dns stack: a
	// health check on the primary load balancer and failover records.
	HostedZoneID, Domain string
	// Tags are added to every resource.
	Tags []graph.Tag
}

// Defaults returns what `scaffold pilot-light` uses without flags.
func Defaults() Params {
	return Params{
		Name:                "lab",
		PrimaryRegion:       "us-east-1",
		DRRegion:            "us-west-2",
		AZs:                 2,
		PrimaryCIDR:         "10.0.0.0/16",
		DRCIDR:              "10.1.0.0/16",
		DRNAT:               vpc.NATSingle,
		Engine:              "postgres",
		InstanceClass:       "db.t4g.micro",
		StorageGiB:          20,
		BackupRetentionDays: 7,
		InstanceType:        "t3.small",
		Min:                 2,
		Max:                 4,
		Desired:             2,
	}
}

// version is the engine version to deploy.
func (p Params) version() string {
	if p.EngineVersion != "" {
		return p.EngineVersion
	}
	if versions := EngineVersions(p.Engine); len(versions) > 0 {
		return versions[0]
	}
	return ""
}

// HostedZonePattern is what a Route 53 hosted zone ID looks like.
const HostedZonePattern = `^Z[A-Z0-9]{1,31}$`

var (
	hostedZoneID = regexp.MustCompile(HostedZonePattern)
	// domainName is a fully qualified name of 2 or more labels: letters,
	// digits and inner hyphens, each label 1 to 63 characters, a
	// top-level label of letters, 253 characters at most in all.
	domainName = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
)

// network returns the vpc parameters of one region's VPC: isolated
// subnets for the database, flow logs and gateway endpoints as the vpc
// blueprint's defaults have them.
func (p Params) network(region, cidr string, nat vpc.NATMode) vpc.Params {
	n := vpc.Defaults()
	n.Name, n.Region, n.AZs, n.CIDR, n.NAT, n.Isolated, n.Tags = p.Name, region, p.AZs, cidr, nat, true, p.Tags
	return n
}

// primaryNetwork and drNetwork are the two VPCs. The primary keeps a NAT
// gateway per zone, as production traffic runs there.
func (p Params) primaryNetwork() vpc.Params {
	return p.network(p.PrimaryRegion, p.PrimaryCIDR, vpc.NATPerAZ)
}

func (p Params) drNetwork() vpc.Params { return p.network(p.DRRegion, p.DRCIDR, p.DRNAT) }

// Validate checks every parameter and reports all problems at once, each
// a *blueprints.ParamError naming the pilot-light flag to change.
func (p Params) Validate() error {
	var errs []error
	add := func(param, value, reason string) {
		errs = append(errs, &blueprints.ParamError{Param: param, Value: value, Reason: reason})
	}
	if err := blueprints.ValidateName(p.Name); err != nil {
		errs = append(errs, err)
	}
	primaryOK := p.checkRegion("primary-region", p.PrimaryRegion, add)
	drOK := p.checkRegion("dr-region", p.DRRegion, add)
	if p.PrimaryRegion == p.DRRegion {
		add("dr-region", p.DRRegion, "must differ from --primary-region: a pilot light guards against the loss of a whole region")
	}
	if primaryOK && drOK {
		// The vpc blueprint checks zones, ranges and NAT; its errors name
		// its own flags, which pilot-light spells per region.
		errs = append(errs, renamed(p.primaryNetwork().Validate(), "primary")...)
		errs = append(errs, renamed(p.drNetwork().Validate(), "dr")...)
	}
	if p.AZs < 2 {
		add("azs", strconv.Itoa(p.AZs), "a Multi-AZ database and a load balancer need at least 2 Availability Zones")
	}
	if p.DRNAT == vpc.NATNone {
		add("dr-nat", string(p.DRNAT), "instances launched at failover install packages and reach AWS APIs through NAT; use single or per-az")
	}
	if overlap(p.PrimaryCIDR, p.DRCIDR) {
		add("dr-cidr", p.DRCIDR, fmt.Sprintf("overlaps --primary-cidr %s; give the regions separate ranges so their VPCs can be peered for fail-back", p.PrimaryCIDR))
	}
	if !slices.Contains(Engines(), p.Engine) {
		add("db-engine", p.Engine, "must be one of "+strings.Join(Engines(), ", "))
	} else if p.EngineVersion != "" && !slices.Contains(EngineVersions(p.Engine), p.EngineVersion) {
		add("db-engine-version", p.EngineVersion, fmt.Sprintf("%s versions offered: %s", p.Engine, strings.Join(EngineVersions(p.Engine), ", ")))
	}
	if !slices.Contains(InstanceClasses(), p.InstanceClass) {
		add("db-instance-class", p.InstanceClass, "must be one of "+strings.Join(InstanceClasses(), ", "))
	}
	if p.StorageGiB < 20 || p.StorageGiB > 16384 {
		add("db-storage", strconv.Itoa(p.StorageGiB), "must be between 20 and 16384 GiB (gp3)")
	}
	if p.BackupRetentionDays < 7 || p.BackupRetentionDays > 35 {
		add("backup-retention", strconv.Itoa(p.BackupRetentionDays), "must be between 7 and 35 days")
	}
	if _, err := asgspot.ParseInstanceTypes([]string{p.InstanceType}); err != nil {
		add("instance-type", p.InstanceType, err.Error())
	}
	switch {
	case p.Max < 1 || p.Max > 100:
		add("max", strconv.Itoa(p.Max), "must be between 1 and 100")
	case p.Min < 1 || p.Min > p.Max:
		add("min", strconv.Itoa(p.Min), fmt.Sprintf("must be between 1 and --max %d: the primary region serves traffic", p.Max))
	case p.Desired < p.Min || p.Desired > p.Max:
		add("desired", strconv.Itoa(p.Desired), fmt.Sprintf("must be between --min %d and --max %d", p.Min, p.Max))
	}
	if p.HostedZoneID != "" && !hostedZoneID.MatchString(p.HostedZoneID) {
		add("hosted-zone-id", p.HostedZoneID, "want a Route 53 hosted zone ID such as Z0123456789ABCDEFGHIJ (Z, then up to 31 capital letters and digits)")
	}
	if p.Domain != "" && (len(p.Domain) > 253 || !domainName.MatchString(p.Domain)) {
		add("domain", p.Domain, "want a lowercase fully qualified name such as app.example.com, without a trailing dot")
	}
	switch {
	case p.HostedZoneID != "" && p.Domain == "":
		add("domain", "", "is required with --hosted-zone-id: name the record to fail over, such as app.example.com")
	case p.Domain != "" && p.HostedZoneID == "":
		add("hosted-zone-id", "", "is required with --domain: give the ID of the hosted zone that holds "+p.Domain)
	}
	return errors.Join(errs...)
}

// checkRegion reports an unknown region or one with fewer than two zones,
// and says whether the region can be used.
func (p Params) checkRegion(flag, region string, add func(param, value, reason string)) bool {
	zones, known := regions.AZCount(region)
	switch {
	case !known:
		reason := "unknown region"
		if near := regions.Closest(region); near != "" {
			reason += fmt.Sprintf(" (did you mean %s?)", near)
		}
		add(flag, region, reason+"; known regions: "+strings.Join(regions.Names(), ", "))
		return false
	case zones < 2:
		add(flag, region, fmt.Sprintf("%s has %d Availability Zone; a Multi-AZ database needs 2", region, zones))
		return false
	}
	return true
}

// renamed turns the vpc blueprint's parameter errors into pilot-light's:
// --cidr becomes --primary-cidr or --dr-cidr, --nat becomes --dr-nat, and
// an --azs problem says which region limits it. Errors about the name are
// dropped, as Validate reports the name once.
func renamed(err error, side string) []error {
	if err == nil {
		return nil
	}
	var list []error
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		list = joined.Unwrap()
	} else {
		list = []error{err}
	}
	var out []error
	for _, e := range list {
		var pe *blueprints.ParamError
		if !errors.As(e, &pe) {
			out = append(out, e)
			continue
		}
		renamed := *pe
		switch pe.Param {
		case "name":
			continue
		case "cidr", "nat", "region":
			renamed.Param = side + "-" + pe.Param
		case "azs":
			renamed.Reason = fmt.Sprintf("in the %s region: %s", side, pe.Reason)
		}
		out = append(out, &renamed)
	}
	return out
}

// overlap reports whether two valid CIDR blocks share addresses; invalid
// ones are reported by the vpc checks instead.
func overlap(a, b string) bool {
	pa, errA := netip.ParsePrefix(a)
	pb, errB := netip.ParsePrefix(b)
	return errA == nil && errB == nil && pa.Overlaps(pb)
}

// Warnings returns advice that does not stop generation.
func (p Params) Warnings() []string {
	var warnings []string
	if p.HostedZoneID == "" {
		warnings = append(warnings, "no --hosted-zone-id and --domain: DNS failover is manual (RUNBOOK.md says how to point your name at the recovery load balancer)")
	}
	return warnings
}
