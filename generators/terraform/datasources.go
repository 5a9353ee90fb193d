package terraform

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/scaffold-iac/scaffold/generators/graph"
)

// dataSource is a data block the module reads deploy-time facts from.
type dataSource struct {
	// typeName is the data source type ("aws_region").
	typeName string
	// name is the block's name. "current" and "available" are the names the
	// provider documentation uses, so readers recognise them.
	name string
}

// traversal is data.<type>.<name>.<attribute>.
func (d dataSource) traversal(attribute string) hcl.Traversal {
	return hcl.Traversal{
		hcl.TraverseRoot{Name: "data"},
		hcl.TraverseAttr{Name: d.typeName},
		hcl.TraverseAttr{Name: d.name},
		hcl.TraverseAttr{Name: attribute},
	}
}

var (
	availabilityZonesSource = dataSource{typeName: "aws_availability_zones", name: "available"}
	regionSource            = dataSource{typeName: "aws_region", name: "current"}
	callerIdentitySource    = dataSource{typeName: "aws_caller_identity", name: "current"}
	partitionSource         = dataSource{typeName: "aws_partition", name: "current"}
)

// pseudo says where Terraform finds one deploy-time value.
type pseudo struct {
	value     graph.Pseudo
	source    dataSource
	attribute string
}

// traversal is the expression that reads the value.
func (p pseudo) traversal() hcl.Traversal { return p.source.traversal(p.attribute) }

// pseudoValues maps each pseudo value to a data source attribute. Provider
// 6.0 renamed aws_region's name to region. The URL suffix is the partition's
// DNS suffix (amazonaws.com, amazonaws.com.cn), so it shares the partition's
// data source.
var pseudoValues = []pseudo{
	{graph.PseudoRegion, regionSource, "region"},
	{graph.PseudoAccountID, callerIdentitySource, "account_id"},
	{graph.PseudoPartition, partitionSource, "partition"},
	{graph.PseudoURLSuffix, partitionSource, "dns_suffix"},
}

// pseudoValue looks a pseudo value up; the model's Pseudo is an open string
// type, so an unknown one is possible and must be reported.
func pseudoValue(v graph.Pseudo) (pseudo, bool) {
	for _, p := range pseudoValues {
		if p.value == v {
			return p, true
		}
	}
	return pseudo{}, false
}

// availabilityZone is data.aws_availability_zones.available.names[index].
func availabilityZone(index int) hcl.Traversal {
	return append(availabilityZonesSource.traversal("names"), hcl.TraverseIndex{Key: cty.NumberIntVal(int64(index))})
}

// dataSources writes the data blocks the graph needs, and only those, in a
// fixed order. Unused data sources would cost an API call per plan and make
// readers look for a use that is not there.
func (r *renderer) dataSources(w *fileWriter) {
	if r.graph.Uses(func(v graph.Value) bool { _, ok := v.(graph.AZ); return ok }) {
		// The filter keeps Local and Wavelength Zones out of the list once
		// an account opts in to them: most resource types cannot use them,
		// and AZ indexes must keep meaning the region's regular zones.
		body := w.block("Regular Availability Zones only; Local and Wavelength Zones need opt-in.", "data",
			availabilityZonesSource.typeName, availabilityZonesSource.name)
		body.SetAttributeValue("state", cty.StringVal("available"))
		body.AppendNewline()
		filter := body.AppendNewBlock("filter", nil).Body()
		filter.SetAttributeValue("name", cty.StringVal("opt-in-status"))
		filter.SetAttributeValue("values", cty.TupleVal([]cty.Value{cty.StringVal("opt-in-not-required")}))
	}
	r.randomPasswords(w)
	for _, source := range []dataSource{regionSource, callerIdentitySource, partitionSource} {
		used := r.graph.Uses(func(v graph.Value) bool {
			p, ok := v.(graph.Pseudo)
			if !ok {
				return false
			}
			known, ok := pseudoValue(p)
			return ok && known.source == source
		})
		if used {
			w.emptyBlock("", "data", source.typeName, source.name)
		}
	}
}

// randomPasswordType is the data source that generates a password with
// Secrets Manager's GetRandomPassword.
const randomPasswordType = "aws_secretsmanager_random_password"

// randomPassword is data.aws_secretsmanager_random_password.<name>.random_password.
func randomPassword(name string) hcl.Traversal {
	return dataSource{typeName: randomPasswordType, name: name}.traversal("random_password")
}

// randomPasswords writes one random password data source per generated
// secret, in graph order.
//
// A data source is read again at every plan and returns a new password
// each time. Only write-only arguments take it (secret_string_wo,
// password_wo), and Terraform sends those to AWS only when their
// *_wo_version changes, so the password is set once, at create, and no
// resource stores it in the state. The data source's own result does pass
// through the plan; the hashicorp/aws provider has no ephemeral resource
// this module could use instead (its schema here has none).
func (r *renderer) randomPasswords(w *fileWriter) {
	seen := map[string]bool{}
	for _, c := range r.graph.Components {
		for _, p := range c.Properties {
			graph.Walk(p.Value, func(v graph.Value) {
				generated, ok := v.(graph.GeneratedSecret)
				if !ok || seen[generated.Name] {
					return
				}
				seen[generated.Name] = true
				body := w.block("A new password at every plan, which only write-only arguments take: "+
					"AWS receives it once, when their version changes, and the state never holds it.",
					"data", randomPasswordType, generated.Name)
				body.SetAttributeValue("password_length", cty.NumberIntVal(int64(generated.Length)))
				if generated.Exclude != "" {
					body.SetAttributeValue("exclude_characters", cty.StringVal(generated.Exclude))
				}
			})
		}
	}
}
