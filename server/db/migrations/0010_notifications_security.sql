SELECT silah_protect_tenant_table('notifications');
