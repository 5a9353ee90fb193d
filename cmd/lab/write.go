package lab

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/scaffold-iac/scaffold/cmd/cmdutil"
	genlab "github.com/scaffold-iac/scaffold/generators/lab"
	"github.com/scaffold-iac/scaffold/generators/writer"
)

// Write writes every student's folder, --jobs at a time, then the class
// files, and returns the number of files per student. Conflicts (files
// the user edited) are found before anything is written. Each student's
// folder is staged and moved into place whole; on an error no new student
// is started, and the class files, which list the students, are not
// written.
func Write(opts *GenerateOptions, p *Prepared) (int, error) {
	classPlan, err := writer.NewPlan(p.Out, p.Class, opts.Force, classSkip...)
	if err != nil {
		return 0, cmdutil.FlagErrorWrap(err)
	}
	students := p.Lab.Students
	dir := func(i int) string { return filepath.Join(p.Out, filepath.FromSlash(genlab.StudentDir(students[i]))) }
	// A first run has nothing to conflict with; a re-run plans every
	// student before writing any.
	if _, err := os.Stat(filepath.Join(p.Out, genlab.StudentsDir)); err == nil && !opts.Force {
		err := parallel(len(students), opts.Jobs, nil, func(i int) error {
			files, err := p.Renderer.Student(i)
			if err != nil {
				return err
			}
			_, err = writer.NewPlan(dir(i), files, false)
			return err
		})
		if err != nil {
			return 0, cmdutil.FlagErrorWrap(err)
		}
	}
	var perStudent atomic.Int64
	bar := newProgress(opts, len(students))
	err = parallel(len(students), opts.Jobs, bar, func(i int) error {
		files, err := p.Renderer.Student(i)
		if err != nil {
			return err
		}
		perStudent.Store(int64(len(files)))
		plan, err := writer.NewPlan(dir(i), files, opts.Force)
		if err != nil {
			return err
		}
		if err := plan.Apply(); err != nil {
			return fmt.Errorf("student %s: %w", students[i].ID, err)
		}
		return nil
	})
	bar.finish()
	if err != nil {
		return 0, err
	}
	if err := classPlan.Apply(); err != nil {
		return 0, err
	}
	return int(perStudent.Load()), nil
}

// parallel runs work for 0..n-1 on jobs goroutines. After the first
// error no new index starts; that error is returned.
func parallel(n, jobs int, bar *progress, work func(int) error) error {
	var next atomic.Int64
	var failed atomic.Bool
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range min(jobs, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := work(i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
					return
				}
				bar.done()
			}
		}()
	}
	wg.Wait()
	return first
}
