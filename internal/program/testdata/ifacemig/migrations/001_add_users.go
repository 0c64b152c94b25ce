package migrations

import "example.com/ifacemig/dal"

// User is a user.
type User struct {
	ID   int64
	Name string
}

// Profile is a user's profile.
type Profile struct {
	UserID int64
	Name   string
}

type addUsers struct{}

// Up creates the tables, through the Dal's AutoMigrate.
func (*addUsers) Up(d dal.Dal) error {
	if err := d.AutoMigrate(&User{}); err != nil {
		return err
	}
	return d.AutoMigrate(&Profile{})
}

func (*addUsers) Version() uint64 { return 20230101 }
func (*addUsers) Name() string    { return "add users" }
