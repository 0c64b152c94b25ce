// Package xormloops holds loops around xorm sessions: a Get per item, a
// Find per item through a helper, and the loops that send one statement
// per chunk or stop at the first row found.
package xormloops

import (
	"context"

	"xorm.io/xorm"
)

type Answer struct {
	ID         string `xorm:"not null pk autoincr BIGINT(20) id"`
	QuestionID string `xorm:"not null default 0 BIGINT(20) INDEX question_id"`
	UserID     string `xorm:"not null default 0 BIGINT(20) user_id"`
}

func (Answer) TableName() string { return "answer" }

type Repo struct{ DB *xorm.Engine }

// Authors loads each answer's row by its id, one Get per item.
func (r *Repo) Authors(ctx context.Context, ids []string) {
	for _, id := range ids {
		a := &Answer{}
		r.DB.Context(ctx).Where("id = ?", id).Get(a) // fix `In\("id", keys\)\.Find\(&rows\)\) and match them to the items in Go$` // want `^xorm SELECT from answer runs once per item of ids: n round trips instead of 1$`
	}
}

// byQuestion is a helper the loop below calls.
func (r *Repo) byQuestion(ctx context.Context, questionID string) (list []*Answer) {
	r.DB.Context(ctx).Where("question_id = ?", questionID).Find(&list)
	return list
}

// Threads finds the answers of each question through byQuestion.
func (r *Repo) Threads(ctx context.Context, questionIDs []string) {
	for _, qid := range questionIDs {
		r.byQuestion(ctx, qid) // fix `In\("question_id", keys\)\.Find\(&rows\)` // want `^xormloops\.\(\*Repo\)\.byQuestion runs SELECT from answer \(xormloops\.go:32\) once per item of questionIDs: n round trips$`
	}
}

// Chunks sends one statement per chunk of ids: silent.
func (r *Repo) Chunks(ctx context.Context, ids []string) {
	for i := 0; i < len(ids); i += 100 {
		end := min(i+100, len(ids))
		var list []*Answer
		r.DB.Context(ctx).In("id", ids[i:end]).Find(&list)
	}
}

// First stops at the first answer found: silent.
func (r *Repo) First(ctx context.Context, ids []string) *Answer {
	for _, id := range ids {
		a := &Answer{}
		has, err := r.DB.Context(ctx).ID(id).Get(a)
		if err != nil {
			return nil
		}
		if has {
			return a
		}
	}
	return nil
}

// Owner breaks out of the loop at the first answer found: silent.
func (r *Repo) Owner(ctx context.Context, ids []string) (owner string) {
	for _, id := range ids {
		a := &Answer{}
		has, _ := r.DB.Context(ctx).Where("id = ?", id).Get(a)
		if has {
			owner = a.UserID
			break
		}
	}
	return owner
}

// ByQuestionGroups sends one IN statement per group of ids, the group
// being the map's value taken whole by the chain's In: one round trip per
// question, silent.
func (r *Repo) ByQuestionGroups(ctx context.Context, groups map[string][]string) {
	for qid, ids := range groups {
		var list []*Answer
		r.DB.Context(ctx).In("id", ids).Find(&list, &Answer{QuestionID: qid})
	}
}

// EachInGroups looks each member of each group up: reported at the member
// loop, whatever the groups are.
func (r *Repo) EachInGroups(ctx context.Context, groups map[string][]string) {
	for _, ids := range groups {
		for _, id := range ids {
			a := &Answer{}
			r.DB.Context(ctx).Where("id = ?", id).Get(a) // want `^xorm SELECT from answer runs once per item of ids, inside the loop over groups: n×m round trips$`
		}
	}
}

// Rules updates one row per rule, the rule a tuple of column values (a
// []string per item, not a chunk of items): reported.
func (r *Repo) Rules(ctx context.Context, rules [][]string) {
	for _, rule := range rules {
		r.DB.Context(ctx).Where("question_id = ? AND user_id = ?", rule[0], rule[1]).Update(&Answer{}) // want `^xorm UPDATE answer runs once per item of rules: n round trips instead of 1$`
	}
}
