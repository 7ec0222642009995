import type { OptionsStrings } from '../../lib/i18n/options';
import type { SettingsNotice } from '../../lib/settings/types';

/** Tells the user that stored settings were partly or wholly unusable, and offers to repair or reset. */
export function SettingsNoticeBanner(props: {
  notice: SettingsNotice;
  t: OptionsStrings;
  onRepair: () => void;
  onReset: () => void;
}) {
  const { notice, t } = props;
  return (
    <div className="yw-notice" role="alert">
      <strong>{t.noticeTitle}</strong>
      {notice.unreadable && <p>{t.noticeUnreadable}</p>}
      {notice.resetFields.length > 0 && <p>{t.noticeReset(notice.resetFields.map((f) => t.fieldName[f]))}</p>}
      {notice.unknownKeys.length > 0 && <p>{t.noticeUnknown(notice.unknownKeys)}</p>}
      <div className="yw-row">
        <button type="button" onClick={props.onRepair}>
          {t.noticeRepair}
        </button>
        <button type="button" onClick={props.onReset}>
          {t.noticeResetAll}
        </button>
      </div>
    </div>
  );
}
