"""Who may log in and as whom: users, chapters, roles, passwords, sessions and login limits.

One workflow per module:
- accounts             Users, chapters, roles and passwords (who may do what is `advocacy.permissions`).
- user                 The acting user (`User`) and the roles there are.
- login_limits         How many passwords a login may try, per user name and per client.
- own_password         Every user changes their own password: the current one first, then the new one twice.
- sessions             Login sessions that outlive one browser tab: a reload (F5) or a new tab carries on …
- user_admin           Leadership's account administration: add, change, deactivate users, reset passwords, …
"""
