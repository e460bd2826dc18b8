/**
 * What a feature (a console section) is and what it may use: its registry entry ({@link
 * com.fielddesk.desktop.app.feature.Feature}), the screen it makes ({@link
 * com.fielddesk.desktop.app.feature.FeatureScreen}), the session's services it is given ({@link
 * com.fielddesk.desktop.app.feature.FeatureContext}) and the {@link
 * com.fielddesk.desktop.app.feature.Navigator}, the only way one feature reaches another. Feature
 * packages depend on this package, {@code ui} and the domain — never on each other or on the
 * composition root ({@code app}), which lists them in {@code FeatureRegistry}.
 */
package com.fielddesk.desktop.app.feature;
