throw new Error('missing CRM_URL environment variable');
