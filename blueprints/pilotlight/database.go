package pilotlight

import (
	"github.com/scaffold-iac/scaffold/blueprints"
	"github.com/scaffold-iac/scaffold/blueprints/vpc"
	"github.com/scaffold-iac/scaffold/generators/graph"
)

// addDatabaseNetwork adds the database's security group, which admits the
// engine's port from the web instances' security group and nothing else.
func addDatabaseNetwork(g *graph.Graph, p Params, network vpc.Network) {
	group := "database"
	g.Add(graph.Component{
		ID: dbSecurityGroup, Kind: graph.KindSecurityGroup, Group: group, Label: "Database: engine port from the web instances only",
		Why:  "The database's firewall: only the web instances' security group may connect, on the engine's port; there is no address range in it.",
		Name: blueprints.Named("db"),
		Properties: []graph.Property{
			{Name: "name", Value: blueprints.Named("db")},
			{Name: "description", Value: graph.String("Database: " + p.Engine + " from the web instances only")},
			{Name: "vpc_id", Value: graph.RefID(network.VPCID)},
		},
	}, graph.Component{
		ID: "db_ingress", Kind: graph.KindSecurityGroupIngress, Group: group, Label: "database: engine port from the instances",
		Why: "Admits database connections from the web instances' security group and from nowhere else.",
		Properties: []graph.Property{
			{Name: "security_group_id", Value: graph.RefID(dbSecurityGroup)},
			{Name: "ip_protocol", Value: graph.String("tcp")},
			{Name: "from_port", Value: graph.Int(Port(p.Engine))},
			{Name: "to_port", Value: graph.Int(Port(p.Engine))},
			{Name: "referenced_security_group_id", Value: graph.RefID("instance_security_group")},
			{Name: "description", Value: graph.String("Database connections from the web instances")},
		},
	})
}

// addPrimaryDatabase adds the primary database. It needs the RDS kinds.
func addPrimaryDatabase(g *graph.Graph, p Params, network vpc.Network) {}

// addReplica adds the recovery region's read replica. It needs the RDS
// kinds.
func addReplica(g *graph.Graph, p Params, network vpc.Network) {}

// databaseOutputs are the database's identifiers.
func databaseOutputs(g *graph.Graph) []graph.Output { return nil }

// drInputs wire the primary database's ARN into the replica.
func (p Params) drInputs() []graph.Input { return nil }

// addReplicationConfiguration adds the bucket's replication rule. It needs
// the S3 replication kind.
func addReplicationConfiguration(g *graph.Graph) {}

// buildDNS returns the dns stack, or nil without a hosted zone. It needs
// the Route 53 kinds.
func (p Params) buildDNS() *graph.Graph { return nil }

func (p Params) dnsInputs() []graph.Input { return nil }
