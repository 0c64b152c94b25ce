// Package xormdb queries through xorm: session chains rebuilt as the
// statements xorm sends, models read from their xorm tags, Sync's DDL,
// conditions from xorm.io/builder, and what stays unknown.
package xormdb // want `stats: 43 sites, 2 unresolved, 0 unparsed, 39 orm`

import (
	"context"

	"xorm.io/builder"
	"xorm.io/xorm"
)

type Question struct {
	ID        string `xorm:"not null pk autoincr BIGINT(20) id"`
	UserID    string `xorm:"not null default 0 BIGINT(20) INDEX user_id"`
	UpdatedAt int64  `xorm:"updated updated_at"`
	Title     string `xorm:"not null default '' VARCHAR(150) title"`
	Status    int    `xorm:"default(1) not null INT(11) status"`
	ViewCount int    `xorm:"not null default 0 INT(11) 'view_count'"`
	Ignored   string `xorm:"-"`
}

func (Question) TableName() string { return "question" }

// Tag has no TableName: the SnakeMapper names it.
type TagRel struct {
	Id       int64
	ObjectID string `xorm:"UNIQUE(obj_tag) object_id"`
	TagID    string `xorm:"UNIQUE(obj_tag) tag_id"`
}

type Repo struct{ DB *xorm.Engine }

// beans is the package's list of models, synced at once.
var beans = []interface{}{new(TagRel)}

func (r *Repo) SyncAll() error { // want `issuesQueries\(ddl CREATE TABLE IF NOT EXISTS tag_rel \(id bigserial, object_id… @xormdb\.go:38\)`
	return r.DB.Sync2(beans...) // want `site orm ddl "CREATE TABLE IF NOT EXISTS tag_rel \(id bigserial, object_id varchar\(255\), tag_id varchar\(255\), PRIMARY KEY \(id\)\);\\nCREATE UNIQUE INDEX IF NOT EXISTS \\"UQE_tag_rel_obj_tag\\" ON tag_rel \(object_id, tag_id\)"`
}

func (r *Repo) Migrate(ctx context.Context) error { // want `issuesQueries\(ddl CREATE TABLE IF NOT EXISTS question \(id bigserial NOT NULL,… @xormdb\.go:42\)`
	return r.DB.Context(ctx).Sync(new(Question), new(TagRel)) // want `site orm ddl "CREATE TABLE IF NOT EXISTS question \(id bigserial NOT NULL, user_id bigint NOT NULL, updated_at bigint, title varchar\(150\) NOT NULL, status integer NOT NULL, view_count integer NOT NULL, PRIMARY KEY \(id\)\);\\nCREATE INDEX IF NOT EXISTS \\"IDX_question_user_id\\" ON question \(user_id\);\\nCREATE TABLE IF NOT EXISTS tag_rel \(id bigserial, object_id varchar\(255\), tag_id varchar\(255\), PRIMARY KEY \(id\)\);\\nCREATE UNIQUE INDEX IF NOT EXISTS \\"UQE_tag_rel_obj_tag\\" ON tag_rel \(object_id, tag_id\)"`
}

func (r *Repo) Reads(ctx context.Context, id string, ids []string) { // want `issuesQueries\(read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:47, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:48, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:49, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:51, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:52, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:53, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:54, read SELECT count\(\*\) FROM question WHERE \(\("question"\.title LIKE… @xormdb\.go:55, read SELECT 1 FROM question WHERE \(id = \$1\) LIMIT 1 @xormdb\.go:56, read SELECT max\(view_count\) FROM question LIMIT 1 @xormdb\.go:57, read SELECT count\(\*\) FROM question WHERE \(status = \$1\) @xormdb\.go:58, read SELECT question\.id, question\.user_id, question\.updated_at, … @xormdb\.go:59, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:60, read SELECT id FROM question WHERE user_id = \? @xormdb\.go:61, read SELECT COALESCE\(sum\(view_count\),0\) FROM question WHERE \(sta… @xormdb\.go:62\)`
	q := &Question{}
	r.DB.Context(ctx).Where("id = ?", id).Get(q)               // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(id = \$1\) LIMIT 1"`
	r.DB.Context(ctx).ID(id).Get(q)                            // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(id = \$1\) LIMIT 1"`
	r.DB.Context(ctx).Get(&Question{UserID: id, Ignored: "x"}) // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(user_id = \$1\) LIMIT 1"`
	var list []*Question
	r.DB.Context(ctx).Where("user_id = ?", id).And("status = ?", 1).Desc("created_at").Limit(10, 20).Find(&list)              // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(user_id = \$1\) AND \(status = \$2\) ORDER BY created_at DESC LIMIT 10 OFFSET 20"`
	r.DB.Context(ctx).In("id", ids).Find(&list)                                                                               // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(id IN \(\$1\)\)"`
	r.DB.Context(ctx).Where(builder.Eq{"user_id": id}.And(builder.Lt{"status": 10})).Find(&list)                              // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(\(user_id = \$1\) AND \(status < \$2\)\)"`
	r.DB.Context(ctx).Where(builder.Eq{"user_id": id, "status": 1}).Find(&list)                                               // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(user_id = \$1 AND status = \$2\)"`
	r.DB.Context(ctx).Where(builder.Like{"`question`.title", "%x%"}).Or("status = ?", 2).Count(&Question{})                   // want `site orm read "SELECT count\(\*\) FROM question WHERE \(\(\\"question\\"\.title LIKE \$1\)\) OR \(status = \$2\)"`
	r.DB.Context(ctx).Exist(&Question{ID: id})                                                                                // want `site orm read "SELECT 1 FROM question WHERE \(id = \$1\) LIMIT 1"`
	r.DB.Context(ctx).Table("question").Select("max(view_count)").Get(new(int))                                               // want `site orm read "SELECT max\(view_count\) FROM question LIMIT 1"`
	r.DB.Context(ctx).Table(Question{}.TableName()).Where("status = ?", 1).Count()                                            // want `site orm read "SELECT count\(\*\) FROM question WHERE \(status = \$1\)"`
	r.DB.Context(ctx).Join("INNER", "tag_rel", "tag_rel.object_id = question.id").Where("tag_rel.tag_id = ?", id).Find(&list) // want `site orm read "SELECT question\.id, question\.user_id, question\.updated_at, question\.title, question\.status, question\.view_count FROM question INNER JOIN tag_rel ON tag_rel\.object_id = question\.id WHERE \(tag_rel\.tag_id = \$1\)"`
	r.DB.Context(ctx).Where("status = ?", 1).FindAndCount(&list)                                                              // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(status = \$1\);\\nSELECT count\(\*\) FROM question WHERE \(status = \$1\)"`
	r.DB.Context(ctx).SQL("SELECT id FROM question WHERE user_id = ?", id).Find(&list)                                        // want `site orm read "SELECT id FROM question WHERE user_id = \?"`
	r.DB.Context(ctx).Where("status = ?", 1).SumInt(&Question{}, "view_count")                                                // want `site orm read "SELECT COALESCE\(sum\(view_count\),0\) FROM question WHERE \(status = \$1\)"`
}

func (r *Repo) Writes(ctx context.Context, q *Question, id string) { // want `issuesQueries\(write INSERT INTO question \(user_id, updated_at, title, status, v… @xormdb\.go:66, write INSERT INTO question \(user_id, updated_at, title, status, v… @xormdb\.go:67, write UPDATE question SET title = \$1, status = \$2, updated_at = \$… @xormdb\.go:68, write UPDATE question SET view_count = view_count \+ \$1, updated_a… @xormdb\.go:69, write UPDATE question SET status = \$1, updated_at = \$2 WHERE \(id … @xormdb\.go:70, write UPDATE question SET title = \$1, updated_at = \$2 WHERE \(id =… @xormdb\.go:71, write DELETE FROM question WHERE \(id = \$1\) @xormdb\.go:72, write DELETE FROM tag_rel WHERE \(object_id = \$1\) @xormdb\.go:73, write UPDATE question SET status = \? WHERE id = \? @xormdb\.go:74\)`
	r.DB.Context(ctx).Insert(q)                                                                            // want `site orm write "INSERT INTO question \(user_id, updated_at, title, status, view_count\) VALUES \(\$1, \$2, \$3, \$4, \$5\)"`
	r.DB.Context(ctx).Insert(&[]*Question{q})                                                              // want `site orm write "INSERT INTO question \(user_id, updated_at, title, status, view_count\) VALUES \(\$1, \$2, \$3, \$4, \$5\)"`
	r.DB.Context(ctx).ID(id).Cols("title", "status").Update(q)                                             // want `site orm write "UPDATE question SET title = \$1, status = \$2, updated_at = \$3 WHERE \(id = \$4\)"`
	r.DB.Context(ctx).ID(id).Incr("view_count", 1).Update(&Question{})                                     // want `site orm write "UPDATE question SET view_count = view_count \+ \$1, updated_at = \$2 WHERE \(id = \$3\)"`
	r.DB.Context(ctx).Table(new(Question)).Where("id = ?", id).Update(map[string]interface{}{"status": 2}) // want `site orm write "UPDATE question SET status = \$1, updated_at = \$2 WHERE \(id = \$3\)"`
	r.DB.Context(ctx).Where("id = ?", id).Update(&Question{Title: "x"})                                    // want `site orm write "UPDATE question SET title = \$1, updated_at = \$2 WHERE \(id = \$3\)"`
	r.DB.Context(ctx).ID(id).Delete(&Question{})                                                           // want `site orm write "DELETE FROM question WHERE \(id = \$1\)"`
	r.DB.Context(ctx).Delete(&TagRel{ObjectID: id})                                                        // want `site orm write "DELETE FROM tag_rel WHERE \(object_id = \$1\)"`
	r.DB.Exec("UPDATE question SET status = ? WHERE id = ?", 1, id)                                        // want `site exec write "UPDATE question SET status = \? WHERE id = \?"`
}

// A bean set before the call is its conditions; a bean from the
// caller is read as the zero bean.
func (r *Repo) Beans(ctx context.Context, id string, given *Question) { // want `issuesQueries\(read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:82, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:83\)`
	bean := &Question{}
	bean.UserID = id
	r.DB.Context(ctx).Get(bean)  // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(user_id = \$1\) LIMIT 1"`
	r.DB.Context(ctx).Get(given) // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question LIMIT 1"`
}

// Sessions: a chain stored and added to, a transaction's session, a
// helper adding to the session it is given.
func (r *Repo) Sessions(ctx context.Context, id string, cond builder.Cond, table string) { // want `issuesQueries\(read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:96, write UPDATE question SET status = \$1, updated_at = \$2 WHERE \(id … @xormdb\.go:98, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:101, read \? @xormdb\.go:103, read \? @xormdb\.go:104\)`
	session := r.DB.NewSession().Context(ctx)
	defer session.Close()
	session = session.Where("status = ?", 1)
	if id != "" {
		session = session.And("user_id = ?", id)
	}
	var list []*Question
	session.Find(&list) // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(status = \$1\) AND \(user_id = \$2\)"`
	r.DB.Transaction(func(s *xorm.Session) (interface{}, error) {
		_, err := s.Where("id = ?", id).Update(&Question{Status: 3}) // want `site orm write "UPDATE question SET status = \$1, updated_at = \$2 WHERE \(id = \$3\)"`
		return nil, err
	})
	byUser(r.DB.Context(ctx), id).Find(&list) // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question WHERE \(user_id = \$1\) ORDER BY id DESC"`
	// Unknown: a condition built elsewhere, a table chosen at run time.
	r.DB.Context(ctx).Where(cond).Find(&list) // want `site orm read unresolved: xorm chain: conditions in cond are known only at run time`
	r.DB.Context(ctx).Table(table).Count()    // want `site orm read unresolved: xorm chain: table name table is not constant`
}

func byUser(s *xorm.Session, id string) *xorm.Session {
	return s.Where("user_id = ?", id).Desc("id")
}

// xorm resets a session's statement after each finisher: the Where
// given before Count is not Find's.
func (r *Repo) Reset(ctx context.Context, id string) { // want `issuesQueries\(read SELECT count\(\*\) FROM question WHERE \(user_id = \$1\) @xormdb\.go:116, read SELECT id, user_id, updated_at, title, status, view_count F… @xormdb\.go:118, write UPDATE question SET title = \$1, updated_at = \$2 WHERE \(stat… @xormdb\.go:120\)`
	session := r.DB.NewSession().Context(ctx)
	session.Where("user_id = ?", id)
	session.Count(&Question{}) // want `site orm read "SELECT count\(\*\) FROM question WHERE \(user_id = \$1\)"`
	var list []*Question
	session.Find(&list) // want `site orm read "SELECT id, user_id, updated_at, title, status, view_count FROM question"`
	session.Where("status = ?", 2)
	session.Cols("title").Update(&Question{Title: "t"}) // want `site orm write "UPDATE question SET title = \$1, updated_at = \$2 WHERE \(status = \$3\)"`
}

// Columns the caller chooses stand for every column; the filter is
// known all the same.
func (r *Repo) SomeCols(ctx context.Context, q *Question, cols []string) { // want `issuesQueries\(write UPDATE question SET user_id = \$1, updated_at = \$2, title = … @xormdb\.go:126\)`
	r.DB.Context(ctx).ID(q.ID).Cols(cols...).Update(q) // want `site orm write "UPDATE question SET user_id = \$1, updated_at = \$2, title = \$3, status = \$4, view_count = \$5 WHERE \(id = \$6\)"`
}

// A reserved word as a column is quoted, as xorm's quoter does.
func (r *Repo) Reserved(ctx context.Context) { // want `issuesQueries\(read SELECT "user" FROM question ORDER BY "group" DESC @xormdb\.go:132\)`
	var list []*Question
	r.DB.Context(ctx).Desc("group").Cols("user").Find(&list) // want `site orm read "SELECT \\"user\\" FROM question ORDER BY \\"group\\" DESC"`
}

// Counter's total is the database's (`<-`: xorm reads it, never writes
// it); its token is written, never read back (`->`).
type Counter struct {
	Id    int64
	Name  string `xorm:"name"`
	Total int64  `xorm:"<- total"`
	Token string `xorm:"-> token"`
}

func (r *Repo) Directions(ctx context.Context, c *Counter, id int64) { // want `issuesQueries\(.*\)`
	r.DB.Context(ctx).Insert(&Counter{Name: "x"})                  // want `site orm write "INSERT INTO counter \(name, token\) VALUES \(\$1, \$2\)"`
	r.DB.Context(ctx).ID(id).Update(&Counter{Name: "y", Total: 3}) // want `site orm write "UPDATE counter SET name = \$1 WHERE \(id = \$2\)"`
	r.DB.Context(ctx).ID(id).Cols("total", "token").Update(c)      // want `site orm write "UPDATE counter SET token = \$1 WHERE \(id = \$2\)"`
	r.DB.Context(ctx).ID(id).Update(c)                             // want `site orm write "UPDATE counter SET name = \$1, token = \$2 WHERE \(id = \$3\)"`
	r.DB.Context(ctx).ID(id).Get(c)                                // want `site orm read "SELECT id, name, total FROM counter WHERE \(id = \$1\) LIMIT 1"`
}
