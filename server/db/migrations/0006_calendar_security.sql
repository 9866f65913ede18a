SELECT silah_protect_tenant_table('calendar_days');
