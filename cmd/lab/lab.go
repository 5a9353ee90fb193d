// Package lab is the `scaffold lab` command: `lab init` prints a commented
// lab file, `lab generate` turns one into an environment per student plus
// the files an instructor needs to deploy and tear down the class.
package lab

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	"github.com/scaffold-iac/scaffold/templates"
)

// NewCmdLab builds `scaffold lab` and its subcommands.
func NewCmdLab(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lab <command>",
		Short: "Lab environments for a whole class: one isolated copy of the blueprints per student",
		Long: `Describe a class once in a lab file (its students, a CIDR pool and the blueprints every
student gets) and generate one environment per student: non-overlapping networks, names and
tags that say whose each resource is, a cost estimate against a budget, and the scripts to
deploy and destroy the whole class.`,
		Example: `  scaffold lab init > lab.yaml
  scaffold lab generate -f lab.yaml --out ./devops-101
  ./devops-101/deploy-all.sh --jobs 8`,
		Args: cmdutil.NoArgs,
	}
	cmd.AddCommand(NewCmdInit(f, nil), NewCmdGenerate(f, nil))
	return cmd
}

// InitOptions are the inputs of `scaffold lab init`.
type InitOptions struct {
	IO *cmdutil.IOStreams
}

// NewCmdInit builds `scaffold lab init`.
func NewCmdInit(f *cmdutil.Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{IO: f.IO}
	return &cobra.Command{
		Use:   "init",
		Short: "Print a commented example lab file",
		Long: `Print a lab file with every key explained, ready to edit: a class of 30 students, each
with a two-zone VPC and an SNS-to-SQS fan-out.`,
		Example: `  scaffold lab init > lab.yaml`,
		Args:    cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return RunInit(opts)
		},
	}
}

// RunInit prints the example.
func RunInit(opts *InitOptions) error {
	example, err := templates.FS.ReadFile("lab-init.yaml.tmpl")
	if err != nil {
		return fmt.Errorf("reading the example lab file: %w", err)
	}
	_, err = opts.IO.Out.Write(example)
	return err
}

// NewCmdGenerate builds `scaffold lab generate`.
func NewCmdGenerate(f *cmdutil.Factory, runF func(*GenerateOptions) error) *cobra.Command {
	opts := &GenerateOptions{IO: f.IO, Factory: f}
	cmd := &cobra.Command{
		Use:   "generate -f LAB_FILE [flags]",
		Short: "Generate every student's environment from a lab file",
		Long: `Read a lab file (see 'scaffold lab init') and write, under --out:

  students/<student>/   the blueprints for that student, in the lab's format(s), and a README
  roster.csv            student, email, account, network block, folder, deploy name, cost
  README.md             for the instructor: cost, deploy all, destroy all, scale-out options
  deploy-all.sh         deploy every student, --jobs at a time, resumable, a log per student
  destroy-all.sh        the reverse
  stackset/             (CloudFormation) StackSet templates and the script that deploys them
  terraform/            (Terraform) one root over all students with for_each, state in S3

Every problem in the lab file is reported with its line and column before anything is
written. Each student's folder is written atomically, and a re-run keeps every student's
network block (read from roster.csv) and never overwrites files you edited unless --force.`,
		Example: `  scaffold lab generate -f lab.yaml
  scaffold lab generate -f lab.yaml --out ./devops-101 --jobs 4
  scaffold lab generate -f lab.yaml --dry-run`,
		Args: cmdutil.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.File == "" {
				return cmdutil.FlagErrorf("--file is required: the lab file to read (scaffold lab init prints one)")
			}
			if opts.Jobs < 1 {
				return cmdutil.FlagErrorf("invalid value %d for --jobs: want 1 or more", opts.Jobs)
			}
			if runF != nil {
				return runF(opts)
			}
			return RunGenerate(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.File, "file", "f", "", "lab file to read (required)")
	cmd.Flags().StringVar(&opts.Out, "out", "", "output directory (default ./<lab name>)")
	cmd.Flags().IntVar(&opts.Jobs, "jobs", runtime.GOMAXPROCS(0), "students rendered and written at once")
	cmd.Flags().BoolVar(&opts.Force, "force", false, "overwrite files in --out that scaffold did not generate or that were edited")
	cmd.Flags().BoolVar(&opts.DryRun, "dry-run", false, "check the lab file and print what would be written, write nothing")
	cmdutil.SetValid(cmd, map[string]string{
		"file":    "a lab file (YAML)",
		"jobs":    "1 or more",
		"force":   "true, false",
		"dry-run": "true, false",
	})
	return cmd
}
