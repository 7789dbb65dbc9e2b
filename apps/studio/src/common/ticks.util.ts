/** WhatsApp-style ticks of a sent message's status (`accepted` and unknown: a clock). */
export function ticksForStatus(status: string | null | undefined): { ticks: string; label: string } {
  switch (status) {
    case 'read':
    case 'played':
      return { ticks: '✓✓', label: 'read' };
    case 'delivered':
      return { ticks: '✓✓', label: 'delivered' };
    case 'sent':
      return { ticks: '✓', label: 'sent' };
    case 'failed':
      return { ticks: '!', label: 'failed' };
    default:
      return { ticks: '◷', label: 'pending' };
  }
}
