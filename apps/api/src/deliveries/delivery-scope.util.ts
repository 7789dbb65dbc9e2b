/**
 * Which stored webhook deliveries a workspace may see: those naming one of its numbers
 * (`phone_number_ids`) or the WABA of one of its numbers (`waba_ids`; an account-level
 * change such as a template status names only its WABA). `$1` is the workspace id; `d` the
 * delivery. A delivery that names no registered number or WABA (unroutable: the number was
 * never registered here) is visible to nobody, since nothing says whose it is. A WABA whose
 * numbers sit in two workspaces shows its deliveries in both.
 */
export const VISIBLE_DELIVERY_SQL = `(
  d.phone_number_ids && ARRAY(SELECT phone_number_id FROM business_numbers WHERE workspace_id = $1)
  OR d.waba_ids && ARRAY(SELECT waba_id FROM business_numbers WHERE workspace_id = $1))`;
