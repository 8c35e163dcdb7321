-- An upload made for an organisation is the organisation's: its members see the job (so the same file uploaded by a
-- colleague finds it); a personal upload is its creator's. The file and the row errors follow their job.
DROP POLICY bulk_upload_jobs_visible_to_caller ON bulk_upload_jobs;
CREATE POLICY bulk_upload_jobs_visible_to_caller ON bulk_upload_jobs
    USING (created_by = covenant_caller_id()
        OR organization_id = covenant_caller_org()
        OR covenant_caller_role() = 'super_admin');

ALTER TABLE bulk_upload_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY bulk_upload_files_follow_job ON bulk_upload_files
    USING (EXISTS (SELECT 1 FROM bulk_upload_jobs j WHERE j.id = job_id));

ALTER TABLE bulk_upload_row_errors ENABLE ROW LEVEL SECURITY;
CREATE POLICY bulk_upload_row_errors_follow_job ON bulk_upload_row_errors
    USING (EXISTS (SELECT 1 FROM bulk_upload_jobs j WHERE j.id = job_id));
