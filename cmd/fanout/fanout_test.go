package fanout

import (
	"slices"
	"testing"
	"time"

	blueprint "github.com/scaffold-iac/scaffold/blueprints/fanout"
	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
)

// TestFlagsToParams runs the real Run up to the point where it would
// render, by giving it a factory without generators: the options it built
// are what the blueprint receives.
func TestFlagsToParams(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, p blueprint.Params)
	}{
		{"defaults", []string{}, func(t *testing.T, p blueprint.Params) {
			want := blueprint.Defaults()
			if p.Topic != want.Topic || !slices.Equal(p.Queues, want.Queues) || p.FIFO || p.KMS || !p.RawDelivery ||
				p.VisibilityTimeout != 30*time.Second || p.Retention != 4*24*time.Hour || p.MaxReceive != 5 || p.FilterScope != blueprint.ScopeAttributes {
				t.Errorf("params = %+v", p)
			}
		}},
		{"everything", []string{"--topic", "orders", "--queues", "billing,shipping", "--fifo", "--content-dedup", "--max-receive", "3",
			"--visibility-timeout", "5m", "--retention", "2d", "--raw-delivery", "off", "--filter", `billing={"eventType":["OrderPlaced"]}`,
			"--filter-scope", "body", "--kms", "--alarm-email", "ops@example.com", "--tag", "team=core"}, func(t *testing.T, p blueprint.Params) {
			if p.Topic != "orders" || !slices.Equal(p.Queues, []string{"billing", "shipping"}) || !p.FIFO || !p.ContentDedup || p.MaxReceive != 3 ||
				p.VisibilityTimeout != 5*time.Minute || p.Retention != 48*time.Hour || p.RawDelivery || p.FilterScope != blueprint.ScopeBody ||
				!p.KMS || p.AlarmEmail != "ops@example.com" || len(p.Tags) != 1 {
				t.Errorf("params = %+v", p)
			}
			if len(p.Filters) != 1 || p.Filters[0].Queue != "billing" || p.Filters[0].Policy != `{"eventType":["OrderPlaced"]}` {
				t.Errorf("filters = %+v", p.Filters)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			io, _, _ := cmdutil.TestIOStreams()
			var got *FanoutOptions
			cmd := NewCmdFanout(&cmdutil.Factory{IO: io}, func(o *FanoutOptions) error {
				got = o
				// The factory has no generators, so Run stops at --format
				// after building the params.
				if err := Run(o); err == nil {
					t.Error("Run without generators succeeded")
				}
				return nil
			})
			cmd.SetArgs(append(tt.args, "--format", "terraform", "--dry-run"))
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			tt.check(t, got.Params)
		})
	}
}
