package jp.mynahealth.portal.notices;

import java.util.List;

/**
 * One kind of notice. Each kind reads what it needs for one person and says which notices apply
 * today; {@link Notices} collects every source there is, so a new kind (a proxy's invitation, when
 * proxies exist) is one more bean implementing this.
 */
public interface NoticeSource {

    List<Notice> notices(NoticeContext context);
}
